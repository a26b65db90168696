/** Small document builders for compiler and trainer tests. */
import { DOCUMENT_VERSION, type DocEdge, type DocNode, type LayerNode, type ModelDocument, type Params, type ScopeNode, type TrainingConfig } from '../graph/types';

export const TEST_TRAINING: TrainingConfig = {
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 32,
  epochs: 1,
  addRegularizationLosses: true,
  summaryEvery: 5,
  seed: 7,
};

/** A layer named like its id unless `name` is given (two layers share variables through equal names). */
export function layer(id: string, type: string, params: Params = {}, parentId?: string, name: string = id): LayerNode {
  return { id, kind: 'layer', name, type, params, position: { x: 0, y: 0 }, ...(parentId ? { parentId } : {}) };
}

export function scope(id: string, name: string, reuse: ScopeNode['reuse'] = false, parentId?: string): ScopeNode {
  return {
    id,
    kind: 'scope',
    name,
    scopeKind: 'variable_scope',
    reuse,
    size: { width: 200, height: 200 },
    position: { x: 0, y: 0 },
    ...(parentId ? { parentId } : {}),
  };
}

export function edge(source: string, target: string, sourceHandle?: string, targetHandle?: string): DocEdge {
  return { id: `${source}.${sourceHandle ?? ''}->${target}.${targetHandle ?? ''}`, source, target, sourceHandle, targetHandle };
}

export function documentOf(nodes: DocNode[], edges: DocEdge[], training: Partial<TrainingConfig> = {}): ModelDocument {
  return { version: DOCUMENT_VERSION, title: 'test', nodes, edges, collections: [], training: { ...TEST_TRAINING, ...training } };
}

/** MnistInput → Flatten → Dense(units) → Dense(10, linear) → softmax cross-entropy. */
export function smallMnistClassifier(units = 32, training: Partial<TrainingConfig> = {}): ModelDocument {
  return documentOf(
    [
      layer('mnist', 'MnistInput'),
      layer('flatten', 'Flatten'),
      layer('fc1', 'Dense', { units }),
      layer('logits', 'Dense', { units: 10, activation: 'linear' }),
      layer('loss', 'SoftmaxCrossEntropy'),
    ],
    [
      edge('mnist', 'flatten', 'images'),
      edge('flatten', 'fc1'),
      edge('fc1', 'logits'),
      edge('logits', 'loss', 'output', 'logits'),
      edge('mnist', 'loss', 'labels', 'labels'),
    ],
    training,
  );
}
