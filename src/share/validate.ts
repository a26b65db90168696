/**
 * Full validation of a document from outside (link, file, pasted JSON): the shape with zod, then the
 * references between nodes and edges. A document that passes cannot crash the app. Every id is
 * unique, and every parent is an existing scope with no cycle through parents. Every edge joins two
 * existing layers. Every number is finite and bounded, and every string is bounded and well-formed.
 */
import * as z from 'zod/mini';
import { validateName } from '../graph/naming';
import { DOCUMENT_VERSION, type ModelDocument } from '../graph/types';
import type { LocalizedText } from '../train/protocol';
import { fail, ok, shareError, shareText, type Result, type ShareError } from './errors';
import {
  MAX_ABS_NUMBER,
  MAX_ARG_SCOPE_ENTRIES,
  MAX_ARRAY_LENGTH,
  MAX_COLLECTIONS,
  MAX_EDGES,
  MAX_NAME_LENGTH,
  MAX_NODES,
  MAX_PARAMS_PER_NODE,
  MAX_TEXT_LENGTH,
} from './limits';

/** TF op-name characters (`[A-Za-z0-9_.-]`, not starting with `-`); `/` is the scope separator. */
export const NAME_PATTERN = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/;
/** Catalogue type names, parameter keys and endpoint names are identifiers. */
const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
/** Control characters, and lone UTF-16 surrogates, which UTF-8 cannot carry. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/u;
/** Keys that would reach an object's prototype if used as a property name. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const boundedNumber = z.number().check(z.gte(-MAX_ABS_NUMBER), z.lte(MAX_ABS_NUMBER));
const name = z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH), z.regex(NAME_PATTERN));
/** User collection names may contain `/`, like TF collection keys (`my_model/activations`). */
const collectionName = z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH), z.regex(/^[A-Za-z0-9_.\-/]+$/));
const identifier = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(IDENTIFIER_PATTERN),
    z.refine((key) => !RESERVED_KEYS.has(key)),
  );
const text = z
  .string()
  .check(z.maxLength(MAX_TEXT_LENGTH), z.refine((value) => !CONTROL_CHARACTERS.test(value)));
const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(ID_PATTERN));

const paramValue = z.union([
  boundedNumber,
  text,
  z.boolean(),
  z.array(boundedNumber).check(z.maxLength(MAX_ARRAY_LENGTH)),
  z.null(),
]);
const params = z
  .record(identifier, paramValue)
  .check(z.refine((value) => Object.keys(value).length <= MAX_PARAMS_PER_NODE));

const position = z.object({ x: boundedNumber, y: boundedNumber });
const sizeValue = z.number().check(z.gte(0), z.lte(MAX_ABS_NUMBER));

const nodeBase = {
  id,
  name,
  parentId: z.optional(id),
  position,
  placed: z.optional(z.boolean()),
};

const scopeNode = z.object({
  ...nodeBase,
  kind: z.literal('scope'),
  scopeKind: z.enum(['variable_scope', 'name_scope']),
  reuse: z.union([z.boolean(), z.literal('auto')]),
  size: z.object({ width: sizeValue, height: sizeValue }),
  collapsed: z.optional(z.boolean()),
  argScope: z.optional(
    z
      .array(
        z.object({
          layerTypes: z.array(identifier).check(z.maxLength(MAX_ARG_SCOPE_ENTRIES)),
          params,
        }),
      )
      .check(z.maxLength(MAX_ARG_SCOPE_ENTRIES)),
  ),
});

const layerNode = z.object({
  ...nodeBase,
  kind: z.literal('layer'),
  type: identifier,
  params,
  collections: z.optional(z.array(collectionName).check(z.maxLength(MAX_COLLECTIONS))),
});

const edge = z.object({
  id,
  source: id,
  sourceHandle: z.optional(identifier),
  target: id,
  targetHandle: z.optional(identifier),
});

const training = z.object({
  optimizer: z.enum(['sgd', 'momentum', 'adam', 'rmsprop']),
  // Generous bounds: a lesson may show divergence with a learning rate of 1e6 on purpose.
  learningRate: z.number().check(z.gte(0), z.lte(MAX_ABS_NUMBER)),
  batchSize: z.int().check(z.gte(1), z.lte(1_000_000)),
  epochs: z.int().check(z.gte(0), z.lte(1_000_000)),
  addRegularizationLosses: z.boolean(),
  summaryEvery: z.int().check(z.gte(1), z.lte(MAX_ABS_NUMBER)),
  seed: z.int().check(z.gte(-(2 ** 31)), z.lte(2 ** 31 - 1)),
});

export const documentSchema = z.object({
  version: z.literal(DOCUMENT_VERSION),
  title: text,
  nodes: z.array(z.discriminatedUnion('kind', [scopeNode, layerNode])).check(z.maxLength(MAX_NODES)),
  edges: z.array(edge).check(z.maxLength(MAX_EDGES)),
  collections: z.array(collectionName).check(z.maxLength(MAX_COLLECTIONS)),
  training,
});

/** Formats an issue path as `nodes[3].name`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(document)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): string {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'missing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return describeValue(value);
}

/**
 * Describes a value in at most about 40 characters. Arrays and objects are summarised, never
 * serialized, because hostile input may nest them deeper than JSON.stringify's stack allows.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value !== null && typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const json = JSON.stringify(value.length > 40 ? value.slice(0, 40) : value);
    return json.length > 40 ? `${json.slice(0, 37)}...` : json;
  }
  return String(value);
}

/**
 * States the naming rule, as the inspector does, when the failing value is a node's name string;
 * returns null for any other issue, and for a name that only the looser link pattern rejects.
 */
function describeNameIssue(input: unknown, path: readonly PropertyKey[]): LocalizedText | null {
  if (path.length !== 3 || path[0] !== 'nodes' || path[2] !== 'name') return null;
  const nodes = (input as { nodes?: unknown }).nodes;
  const node = Array.isArray(nodes) ? (nodes[path[1] as number] as { name?: unknown } | undefined) : undefined;
  if (typeof node?.name !== 'string') return null;
  const problem = validateName(node.name);
  return problem ? { messageKey: problem.messageKey, values: problem.values, message: problem.message } : null;
}

function invalid(key: string, values: Record<string, string | number>): Result<never, ShareError> {
  return fail(shareError('invalid-document', {}, shareText(`share.invalid.${key}`, values)));
}

/** Validates `input` as a current-version document; the result is a fresh, unshared copy. */
export function validateDocument(input: unknown): Result<ModelDocument, ShareError> {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const nameProblem = describeNameIssue(input, issue.path);
    if (nameProblem) return fail(shareError('invalid-document', {}, nameProblem));
    return invalid('value', { path: formatPath(issue.path), value: valueAt(input, issue.path) });
  }
  const doc = parsed.data as ModelDocument;
  return checkReferences(doc) ?? ok(doc);
}

function checkReferences(doc: ModelDocument): Result<never, ShareError> | null {
  const nodes = new Map<string, ModelDocument['nodes'][number]>();
  for (const node of doc.nodes) {
    if (nodes.has(node.id)) return invalid('duplicateId', { id: node.id });
    nodes.set(node.id, node);
  }

  for (const node of doc.nodes) {
    if (node.parentId === undefined) continue;
    const parent = nodes.get(node.parentId);
    if (!parent) return invalid('missingParent', { node: node.name, parent: node.parentId });
    if (parent.kind !== 'scope') return invalid('parentNotScope', { node: node.name, parent: parent.name });
  }

  // A parent chain longer than the node count must revisit a node: that is a cycle.
  for (const node of doc.nodes) {
    let current = node;
    for (let steps = 0; current.parentId !== undefined; steps++) {
      if (steps >= doc.nodes.length) return invalid('parentCycle', { node: node.name });
      current = nodes.get(current.parentId)!;
    }
  }

  const edgeIds = new Set<string>();
  for (const edge of doc.edges) {
    if (edgeIds.has(edge.id)) return invalid('duplicateId', { id: edge.id });
    edgeIds.add(edge.id);
    for (const end of [edge.source, edge.target]) {
      const node = nodes.get(end);
      if (!node) return invalid('missingEndpoint', { edge: edge.id, node: end });
      if (node.kind !== 'layer') return invalid('endpointNotLayer', { edge: edge.id, node: node.name });
    }
  }
  return null;
}
