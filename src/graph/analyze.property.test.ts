import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { LAYER_SPECS } from './catalogue';
import type { DocEdge, DocNode, ModelDocument, ParamValue } from './types';
import { DEFAULT_TRAINING } from './builder';

const TYPES = [...LAYER_SPECS.map((spec) => spec.type), 'Unknown'];
const NAMES = ['a', 'b', 'test', 'conv1', 'fc', 'bad name', ''];
const HANDLES = [undefined, 'output', 'images', 'labels', 'preactivation', 'logits', 'input', 'nope'];
const VALUES: ParamValue[] = [0, 1, 3, -1, 2.5, 'relu', 'same', 'l2(0.01)', 'l2(', true, [3, 3], [2], null];

/** Random documents: scopes and layers in random nesting, random edges, random parameter values. */
const documents = fc
  .record({
    nodes: fc.array(
      fc.record({
        scope: fc.boolean(),
        name: fc.constantFrom(...NAMES),
        parent: fc.nat(20),
        type: fc.constantFrom(...TYPES),
        reuse: fc.constantFrom(false, true, 'auto' as const),
        nameScope: fc.boolean(),
        param: fc.option(fc.tuple(fc.constantFrom('units', 'filters', 'activation', 'weightsRegularizer', 'kernelSize', 'shape', 'variable'), fc.constantFrom(...VALUES))),
      }),
      { maxLength: 14 },
    ),
    edges: fc.array(fc.record({ source: fc.nat(20), target: fc.nat(20), sourceHandle: fc.constantFrom(...HANDLES), targetHandle: fc.constantFrom(...HANDLES) }), {
      maxLength: 16,
    }),
  })
  .map(({ nodes, edges }): ModelDocument => {
    const docNodes: DocNode[] = nodes.map((node, index) => {
      const parent = nodes[node.parent % Math.max(nodes.length, 1)];
      const parentId = index > 0 && parent?.scope && node.parent % nodes.length < index ? `n${node.parent % nodes.length}` : undefined;
      const base = { id: `n${index}`, name: node.name, position: { x: 0, y: 0 }, ...(parentId ? { parentId } : {}) };
      if (node.scope) {
        return { ...base, kind: 'scope', scopeKind: node.nameScope ? 'name_scope' : 'variable_scope', reuse: node.reuse, size: { width: 100, height: 100 } };
      }
      return { ...base, kind: 'layer', type: node.type, params: node.param ? { [node.param[0]]: node.param[1] } : {} };
    });
    const docEdges: DocEdge[] = edges.map((edge, index) => ({
      id: `e${index}`,
      source: `n${edge.source % Math.max(nodes.length, 1)}`,
      target: `n${edge.target % Math.max(nodes.length, 1)}`,
      ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
      ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
    }));
    return { version: 1, title: 'random', nodes: docNodes, edges: docEdges, collections: [], training: { ...DEFAULT_TRAINING } };
  });

describe('analyze on random documents', () => {
  it('never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const before = JSON.stringify(doc);
        const analysis = analyze(doc);
        expect(JSON.stringify(doc)).toBe(before);
        expect(Object.keys(analysis.nodes).sort()).toEqual(doc.nodes.map((node) => node.id).sort());
        expect(analysis.trainable).toBe(!analysis.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
        for (const diagnostic of analysis.diagnostics) {
          expect(diagnostic.message).not.toMatch(/^graph\./);
          expect(diagnostic.message).not.toContain('{');
        }
        const names = analysis.variables.map((variable) => variable.name);
        expect(new Set(names).size).toBe(names.length);
        const tags = analysis.summaries.map((summary) => summary.tag);
        expect(new Set(tags).size).toBe(tags.length);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
