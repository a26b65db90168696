/** Document builders for store tests. */
import type { DocEdge, DocNode, LayerNode, ModelDocument, ScopeNode } from '../graph/types';
import { DOCUMENT_VERSION } from '../graph/types';

export function scope(id: string, fields: Partial<ScopeNode> = {}): ScopeNode {
  return {
    id,
    name: id,
    kind: 'scope',
    scopeKind: 'variable_scope',
    reuse: false,
    position: { x: 0, y: 0 },
    size: { width: 400, height: 300 },
    ...fields,
  };
}

export function layer(id: string, type: string, fields: Partial<LayerNode> = {}): LayerNode {
  return { id, name: id, kind: 'layer', type, params: {}, position: { x: 0, y: 0 }, ...fields };
}

export function edge(source: string, target: string, fields: Partial<DocEdge> = {}): DocEdge {
  return { id: `${source}->${target}`, source, target, ...fields };
}

export function documentOf(nodes: DocNode[], edges: DocEdge[] = []): ModelDocument {
  return {
    version: DOCUMENT_VERSION,
    title: 'test',
    nodes,
    edges,
    collections: [],
    training: {
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 32,
      epochs: 1,
      addRegularizationLosses: true,
      summaryEvery: 10,
      seed: 1,
    },
  };
}

/** Freezes `value` and everything reachable from it, so a test fails on any mutation. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A small classifier: scope Classifier ⊃ scope Encoder ⊃ conv1, plus an input and a dense layer
 * at the top level.
 */
export function sampleDocument(): ModelDocument {
  return documentOf(
    [
      layer('input', 'MnistInput', { position: { x: 0, y: 0 } }),
      scope('Classifier', { position: { x: 100, y: 100 }, size: { width: 500, height: 400 } }),
      scope('Encoder', { parentId: 'Classifier', position: { x: 24, y: 56 }, size: { width: 300, height: 200 } }),
      layer('conv1', 'Conv2D', { parentId: 'Encoder', position: { x: 24, y: 56 }, params: { filters: 32 } }),
      layer('fc', 'Dense', { position: { x: 700, y: 100 } }),
    ],
    [edge('input', 'conv1', { sourceHandle: 'images' }), edge('conv1', 'fc')],
  );
}
