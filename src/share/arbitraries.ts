/**
 * fast-check generators of valid documents in canonical form (see canonical.ts), for the property
 * tests of the codec. Test-only: nothing in the app imports this file.
 */
import fc from 'fast-check';
import type { DocEdge, DocNode, ModelDocument, ParamValue, Params, TrainingConfig } from '../graph/types';
import { sharedEdgeId, sharedNodeId } from './canonical';
import { LAYER_TYPES_V1, PARAM_KEYS_V1, PARAM_STRINGS_V1 } from './tables-v1';

const nameArb = fc.stringMatching(/^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,24}$/);
const collectionArb = fc.stringMatching(/^[A-Za-z0-9_.\-/]{1,24}$/);
const identifierArb = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/)
  .filter((key) => key !== '__proto__' && key !== 'constructor' && key !== 'prototype');
/** Printable text without control characters, including non-ASCII (Korean titles and strings). */
const textArb = fc.string({
  maxLength: 40,
  unit: fc.oneof(fc.constantFrom('가', '델', '한', '😀', ' ', '"', '\\'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })),
}).filter((text) => !/[\u0000-\u001f\u007f]/.test(text));
const numberArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.constantFrom(0.001, 1e-6, 0.5, -0, 4096, 0.0005),
);

const paramValueArb: fc.Arbitrary<ParamValue> = fc.oneof(
  numberArb,
  fc.oneof(textArb, fc.constantFrom(...PARAM_STRINGS_V1)),
  fc.boolean(),
  fc.constant(null),
  fc.array(numberArb, { maxLength: 4 }),
);

const paramsArb: fc.Arbitrary<Params> = fc.dictionary(fc.oneof(fc.constantFrom(...PARAM_KEYS_V1), identifierArb), paramValueArb, {
  maxKeys: 6,
});

const positionArb = fc.record({ x: numberArb, y: numberArb });

const trainingArb: fc.Arbitrary<TrainingConfig> = fc.record({
  optimizer: fc.constantFrom('sgd', 'momentum', 'adam', 'rmsprop'),
  learningRate: fc.oneof(fc.constantFrom(0.001, 0.01, 0.1), fc.double({ min: 0, max: 1, noNaN: true })),
  batchSize: fc.integer({ min: 1, max: 1024 }),
  epochs: fc.integer({ min: 0, max: 100 }),
  addRegularizationLosses: fc.boolean(),
  summaryEvery: fc.integer({ min: 1, max: 1000 }),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
});

interface NodeSketch {
  scope: boolean;
  name: string;
  /** Index into the nodes before this one (modulo their count) of a candidate parent, or null. */
  parentPick: number | null;
  placed: boolean;
  position: { x: number; y: number };
  size: { width: number; height: number };
  scopeKind: 'variable_scope' | 'name_scope';
  reuse: boolean | 'auto';
  collapsed: boolean;
  argScope: { layerTypes: string[]; params: Params }[];
  type: string;
  params: Params;
  collections: string[];
}

const sketchArb: fc.Arbitrary<NodeSketch> = fc.record({
  scope: fc.boolean(),
  name: nameArb,
  parentPick: fc.option(fc.nat(1000), { nil: null }),
  placed: fc.boolean(),
  position: positionArb,
  size: fc.record({ width: fc.double({ min: 0, max: 5000, noNaN: true }), height: fc.integer({ min: 0, max: 5000 }) }),
  scopeKind: fc.constantFrom('variable_scope' as const, 'name_scope' as const),
  reuse: fc.constantFrom(false, true, 'auto' as const),
  collapsed: fc.boolean(),
  argScope: fc.array(
    fc.record({ layerTypes: fc.array(fc.oneof(fc.constantFrom(...LAYER_TYPES_V1), identifierArb), { maxLength: 3 }), params: paramsArb }),
    { maxLength: 2 },
  ),
  type: fc.oneof(fc.constantFrom(...LAYER_TYPES_V1), identifierArb),
  params: paramsArb,
  collections: fc.array(collectionArb, { maxLength: 3 }),
});

function buildNode(sketch: NodeSketch, index: number, scopeIndexes: number[]): DocNode {
  const parentIndex =
    sketch.parentPick === null || scopeIndexes.length === 0 ? undefined : scopeIndexes[sketch.parentPick % scopeIndexes.length];
  const base = {
    id: sharedNodeId(index),
    name: sketch.name,
    ...(parentIndex !== undefined ? { parentId: sharedNodeId(parentIndex) } : {}),
    position: sketch.placed ? sketch.position : { x: 0, y: 0 },
    ...(sketch.placed ? { placed: true } : {}),
  };
  if (sketch.scope) {
    return {
      ...base,
      kind: 'scope',
      scopeKind: sketch.scopeKind,
      reuse: sketch.reuse,
      size: sketch.placed ? sketch.size : { width: 0, height: 0 },
      ...(sketch.collapsed ? { collapsed: true } : {}),
      ...(sketch.argScope.length > 0 ? { argScope: sketch.argScope } : {}),
    };
  }
  return {
    ...base,
    kind: 'layer',
    type: sketch.type,
    params: sketch.params,
    ...(sketch.collections.length > 0 ? { collections: sketch.collections } : {}),
  };
}

/** Valid canonical documents: parents are earlier scopes, edges join layers. */
export const documentArb: fc.Arbitrary<ModelDocument> = fc
  .record({
    title: textArb,
    sketches: fc.array(sketchArb, { maxLength: 24 }),
    edgePicks: fc.array(
      fc.record({
        source: fc.nat(1000),
        target: fc.nat(1000),
        sourceHandle: fc.option(fc.oneof(fc.constantFrom('output', 'labels', 'preactivation'), identifierArb), { nil: undefined }),
        targetHandle: fc.option(fc.oneof(fc.constantFrom('input', 'logits', 'labels'), identifierArb), { nil: undefined }),
      }),
      { maxLength: 30 },
    ),
    collections: fc.array(collectionArb, { maxLength: 4 }),
    training: trainingArb,
  })
  .map(({ title, sketches, edgePicks, collections, training }) => {
    const nodes: DocNode[] = [];
    const scopeIndexes: number[] = [];
    sketches.forEach((sketch, index) => {
      nodes.push(buildNode(sketch, index, [...scopeIndexes]));
      if (sketch.scope) scopeIndexes.push(index);
    });
    const layerIndexes = nodes.flatMap((node, index) => (node.kind === 'layer' ? [index] : []));
    const edges: DocEdge[] =
      layerIndexes.length === 0
        ? []
        : edgePicks.map((pick, index) => ({
            id: sharedEdgeId(index),
            source: sharedNodeId(layerIndexes[pick.source % layerIndexes.length]),
            ...(pick.sourceHandle !== undefined ? { sourceHandle: pick.sourceHandle } : {}),
            target: sharedNodeId(layerIndexes[pick.target % layerIndexes.length]),
            ...(pick.targetHandle !== undefined ? { targetHandle: pick.targetHandle } : {}),
          }));
    // structuredClone gives every object the plain Object prototype (fast-check builds records
    // without one) and keeps -0, which a JSON copy would turn into 0.
    return structuredClone({ version: 1, title, nodes, edges, collections, training });
  });
