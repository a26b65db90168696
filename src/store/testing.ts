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

/**
 * A large document for speed checks: `chains` top-level scopes, each holding a chain of `depth`
 * nested scopes, each scope holding `layersPerScope` connected Dense layers in a 2-column grid
 * beside its inner scope. Every node is placed, so opening it runs no automatic layout.
 * The defaults give 300 layers in 30 scopes.
 */
export function nestedDocument(chains = 6, depth = 5, layersPerScope = 10): ModelDocument {
  const nodes: DocNode[] = [];
  const edges: DocEdge[] = [];
  const layerWidth = 240;
  const layerHeight = 80;
  const gap = 24;
  const gridWidth = 2 * (layerWidth + gap);
  const gridHeight = Math.ceil(layersPerScope / 2) * (layerHeight + gap);
  const padding = { top: 56, side: 24 };

  let previous: string | undefined;
  const addScope = (chain: number, level: number, parentId: string | undefined, position: { x: number; y: number }): ScopeNode => {
    const id = `s${chain}_${level}`;
    const scopeNode = scope(id, { name: `block${level}`, position, placed: true, ...(parentId ? { parentId } : {}) });
    nodes.push(scopeNode);
    for (let index = 0; index < layersPerScope; index += 1) {
      const layerId = `l${chain}_${level}_${index}`;
      nodes.push(
        layer(layerId, 'Dense', {
          name: `fc${index + 1}`,
          parentId: id,
          params: { units: 16 },
          placed: true,
          position: {
            x: padding.side + (index % 2) * (layerWidth + gap),
            y: padding.top + Math.floor(index / 2) * (layerHeight + gap),
          },
        }),
      );
      if (previous) edges.push(edge(previous, layerId, { id: `e${layerId}` }));
      previous = layerId;
    }
    let width = gridWidth + 2 * padding.side;
    let height = gridHeight + padding.top + padding.side;
    if (level + 1 < depth) {
      const inner = addScope(chain, level + 1, id, { x: padding.side + gridWidth + gap, y: padding.top });
      width += inner.size.width + gap;
      height = Math.max(height, inner.size.height + padding.top + padding.side);
    }
    scopeNode.size = { width, height };
    return scopeNode;
  };

  nodes.push(layer('input', 'Input', { params: { shape: [16] }, placed: true, position: { x: 0, y: -160 } }));
  previous = 'input';
  let y = 0;
  for (let chain = 0; chain < chains; chain += 1) {
    const top = addScope(chain, 0, undefined, { x: 0, y });
    y += top.size.height + 80;
  }
  return documentOf(nodes, edges);
}
