/**
 * The corpus holds one link and one file of every format version ever released, with the document
 * each must open as. These files are never regenerated: a change that breaks one breaks real links.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getLayerSpec } from '../graph/catalogue';
import { getTemplate } from '../graph/templates';
import type { ModelDocument } from '../graph/types';
import { encodePayloadV1 } from './binary-v1';
import { canonicalizeDocument } from './canonical';
import { parseDocumentFile } from './json-file';
import { decodeShareFragment, encodeShareFragment, frameLinkPayload, LINK_FORMAT_VERSION } from './link';
import { LONG_LINK_CHARS } from './limits';

const corpusDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');
const read = (file: string) => readFileSync(path.join(corpusDir, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file)) as ModelDocument;

function open(link: string): ModelDocument {
  const result = decodeShareFragment(link.trim());
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function openFile(file: string): ModelDocument {
  const result = parseDocumentFile(read(file), file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * Describes a document's graph independently of ids, node order and layout: each node by its scope
 * path, each edge by its end paths with the catalogue's first endpoint and input filled in.
 */
function graphSignature(doc: ModelDocument): { nodes: string[]; edges: string[]; rest: string } {
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  const pathOf = (id: string): string => {
    const node = byId.get(id)!;
    return node.parentId ? `${pathOf(node.parentId)}/${node.name}` : node.name;
  };
  const nodes = doc.nodes
    .map((node) => {
      const detail =
        node.kind === 'scope'
          ? { scopeKind: node.scopeKind, reuse: node.reuse, argScope: node.argScope ?? [] }
          : { type: node.type, params: node.params, collections: node.collections ?? [] };
      return `${pathOf(node.id)} ${node.kind} ${JSON.stringify(detail)}`;
    })
    .sort();
  const edges = doc.edges
    .map((edge) => {
      const source = byId.get(edge.source)!;
      const target = byId.get(edge.target)!;
      const spec = (node: typeof source) => (node.kind === 'layer' ? getLayerSpec(node.type) : undefined);
      const sourceHandle = edge.sourceHandle ?? spec(source)?.endpoints(source.kind === 'layer' ? source.params : {})[0];
      const targetHandle = edge.targetHandle ?? spec(target)?.inputs[0]?.name;
      return `${pathOf(edge.source)}:${sourceHandle} -> ${pathOf(edge.target)}:${targetHandle}`;
    })
    .sort();
  return { nodes, edges, rest: JSON.stringify({ title: doc.title, collections: doc.collections, training: doc.training }) };
}

describe('share corpus', () => {
  it('has a link for every released format version', () => {
    const files = readdirSync(corpusDir);
    for (let version = 0; version <= LINK_FORMAT_VERSION; version++) {
      expect(files.some((file) => file.startsWith(`v${version}-`) && file.endsWith('.link.txt')), `format ${version}`).toBe(true);
    }
  });

  it('opens format 1 links as their recorded documents', () => {
    expect(open(read('v1-default.link.txt'))).toStrictEqual(readJson('v1-default.expected.json'));
    expect(open(read('v1-vgg19.link.txt'))).toStrictEqual(readJson('v1-vgg19.expected.json'));
  });

  it('migrates a format 0 link to the same graph', () => {
    const migrated = open(read('v0-default.link.txt'));
    const current = open(read('v1-default.link.txt'));
    expect(graphSignature(migrated)).toEqual(graphSignature(current));
  });

  it('migrates a format 0 file to the same graph', () => {
    expect(graphSignature(openFile('v0-default.file.json'))).toEqual(graphSignature(readJson('v1-default.expected.json')));
  });

  it('opens a format 1 file exactly', () => {
    expect(openFile('v1-default.file.json')).toStrictEqual(readJson('v1-default.file.json'));
  });

  it('rejects a link of a newer format clearly', () => {
    const newer = frameLinkPayload(encodePayloadV1(readJson('v1-default.expected.json')), LINK_FORMAT_VERSION + 1);
    const result = decodeShareFragment(newer);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('newer-version');
    expect(result.error.message).toContain('made by a newer version of ScopeFlow');
  });

  it('rejects a file of a newer version clearly', () => {
    const newer = { ...readJson('v1-default.file.json'), version: 2 };
    const result = parseDocumentFile(JSON.stringify(newer), 'newer.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('newer-version');
  });
});

describe('template links', () => {
  const budgets = { default: 400, vgg16: LONG_LINK_CHARS, vgg19: 600 } as const;

  for (const [name, budget] of Object.entries(budgets)) {
    it(`${name} fits in ${budget} characters and round-trips`, () => {
      const doc = getTemplate(name)!;
      const link = encodeShareFragment(doc);
      if (!link.ok) throw new Error(link.error.message);
      expect(link.value.length).toBeLessThanOrEqual(budget);
      expect(open(link.value)).toStrictEqual(canonicalizeDocument(doc));
    });
  }
});
