/**
 * One tiny trainable model per palette layer type, with fixed input data, for comparing one training
 * step across backends. Inputs are `Input` nodes fed by id; values are deterministic.
 */
import { documentOf, edge, layer } from '../../compiler/testing';
import type { ModelDocument } from '../../graph/types';

export interface FeedSpec {
  shape: number[];
  values: number[];
  dtype: 'float32' | 'int32';
}

export interface LayerCase {
  /** The palette types the case covers. */
  covers: string[];
  name: string;
  doc: ModelDocument;
  feed: Record<string, FeedSpec>;
}

const BATCH = 2;

function ramp(count: number, scale: number, phase = 0): number[] {
  return Array.from({ length: count }, (_, i) => Math.sin(i * 0.37 + phase) * scale);
}

function image(size = 8, channels = 1): FeedSpec {
  return { shape: [BATCH, size, size, channels], values: ramp(BATCH * size * size * channels, 1), dtype: 'float32' };
}

const ONE_HOT: FeedSpec = { shape: [BATCH, 2], values: [1, 0, 0, 1], dtype: 'float32' };

/** x → `body` (a chain of layers) → Flatten → Dense(2) logits → `loss` with one-hot labels. */
function classifier(name: string, covers: string[], body: Array<[string, Record<string, unknown>]>, loss = 'SoftmaxCrossEntropy'): LayerCase {
  const nodes = [layer('x', 'Input', { shape: [8, 8, 1] }), layer('y', 'Input', { shape: [2] })];
  const chain = ['x'];
  body.forEach(([type, params], i) => {
    const id = `l${i}_${type}`;
    nodes.push(layer(id, type, params as Record<string, never>));
    chain.push(id);
  });
  nodes.push(layer('flatten', 'Flatten'), layer('logits', 'Dense', { units: 2, activation: 'linear' }), layer('loss', loss));
  chain.push('flatten', 'logits');
  const edges = chain.slice(1).map((id, i) => edge(chain[i], id));
  const lossInput = loss === 'MeanSquaredError' ? 'predictions' : 'logits';
  edges.push(edge('logits', 'loss', 'output', lossInput), edge('y', 'loss', 'output', 'labels'));
  return { name, covers, doc: documentOf(nodes, edges, { optimizer: 'sgd', learningRate: 0.1 }), feed: { x: image(), y: ONE_HOT } };
}

/** Class ids from an MnistInput with sparse labels (fed one-hot, as the trainer feeds MNIST). */
function sparseCase(): LayerCase {
  const nodes = [
    layer('mnist', 'MnistInput', { labels: 'sparse' }),
    layer('pool', 'MaxPool2D', { poolSize: [4, 4], strides: [4, 4] }),
    layer('flatten', 'Flatten'),
    layer('logits', 'Dense', { units: 10, activation: 'linear' }),
    layer('loss', 'SparseSoftmaxCrossEntropy'),
  ];
  const edges = [
    edge('mnist', 'pool', 'images'),
    edge('pool', 'flatten'),
    edge('flatten', 'logits'),
    edge('logits', 'loss', 'output', 'logits'),
    edge('mnist', 'loss', 'labels', 'labels'),
  ];
  const labels = new Array(BATCH * 10).fill(0);
  labels[3] = 1;
  labels[10 + 7] = 1;
  return {
    name: 'SparseSoftmaxCrossEntropy',
    covers: ['MnistInput', 'SparseSoftmaxCrossEntropy'],
    doc: documentOf(nodes, edges, { optimizer: 'sgd', learningRate: 0.1 }),
    feed: {
      images: { shape: [BATCH, 28, 28, 1], values: ramp(BATCH * 784, 0.5, 1).map((v) => v + 0.5), dtype: 'float32' },
      labels: { shape: [BATCH, 10], values: labels, dtype: 'float32' },
    },
  };
}

function sequenceCase(): LayerCase {
  const nodes = [
    layer('x', 'Input', { shape: [6, 4] }),
    layer('targets', 'Input', { shape: [6] }),
    layer('rnn', 'SimpleRNN', { units: 3, returnSequences: true }),
    layer('logits', 'Dense', { units: 5, activation: 'linear' }),
    layer('loss', 'SequenceLoss'),
  ];
  const edges = [edge('x', 'rnn'), edge('rnn', 'logits'), edge('logits', 'loss', 'output', 'logits'), edge('targets', 'loss', 'output', 'targets')];
  return {
    name: 'SimpleRNN + SequenceLoss',
    covers: ['SimpleRNN', 'SequenceLoss'],
    doc: documentOf(nodes, edges, { optimizer: 'sgd', learningRate: 0.1 }),
    feed: {
      x: { shape: [BATCH, 6, 4], values: ramp(BATCH * 24, 1), dtype: 'float32' },
      targets: { shape: [BATCH, 6], values: [0, 1, 2, 3, 4, 0, 4, 3, 2, 1, 0, 4], dtype: 'float32' },
    },
  };
}

function sigmoidCase(): LayerCase {
  const nodes = [
    layer('x', 'Input', { shape: [8, 8, 1] }),
    layer('flatten', 'Flatten'),
    layer('logits', 'Dense', { units: 3, activation: 'linear' }),
    layer('loss', 'SigmoidCrossEntropy'),
    layer('labels', 'Input', { shape: [3] }),
  ];
  const edges = [edge('x', 'flatten'), edge('flatten', 'logits'), edge('logits', 'loss', 'output', 'logits'), edge('labels', 'loss', 'output', 'labels')];
  return {
    name: 'SigmoidCrossEntropy',
    covers: ['SigmoidCrossEntropy'],
    doc: documentOf(nodes, edges, { optimizer: 'sgd', learningRate: 0.1 }),
    feed: { x: image(), labels: { shape: [BATCH, 3], values: [1, 0, 1, 0, 1, 0], dtype: 'float32' } },
  };
}

export function layerCases(): LayerCase[] {
  return [
    classifier('Conv2D + MaxPool2D', ['Conv2D', 'MaxPool2D', 'Flatten', 'Dense', 'SoftmaxCrossEntropy'], [
      ['Conv2D', { filters: 4, kernelSize: [3, 3] }],
      ['MaxPool2D', {}],
    ]),
    classifier('AvgPool2D, strided valid Conv2D', ['AvgPool2D'], [
      ['Conv2D', { filters: 3, kernelSize: [3, 3], strides: [2, 2], padding: 'valid', activation: 'tanh' }],
      ['AvgPool2D', { poolSize: [2, 2], strides: [1, 1] }],
    ]),
    classifier('Conv2D with batch_norm', ['Conv2D'], [['Conv2D', { filters: 2, normalizer: 'batch_norm', normalizerScale: true }]]),
    classifier('BatchNorm', ['BatchNorm'], [
      ['Conv2D', { filters: 2, activation: 'linear' }],
      ['BatchNorm', { scale: true }],
    ]),
    classifier('Activation and Dropout', ['Activation', 'Dropout'], [
      ['Dense', { units: 4, activation: 'linear' }],
      ['Activation', { activation: 'elu' }],
      ['Dropout', { rate: 0.5 }],
      ['Activation', { activation: 'sigmoid' }],
    ]),
    classifier('MeanSquaredError', ['MeanSquaredError'], [['Dense', { units: 3, activation: 'softmax' }]], 'MeanSquaredError'),
    sigmoidCase(),
    sparseCase(),
    sequenceCase(),
  ];
}

/** MNIST → Flatten → Dense(10) → MSE with SGD at learning rate 1e6: its values overflow within a few steps. */
export function explodingDense(): ModelDocument {
  return documentOf(
    [
      layer('mnist', 'MnistInput'),
      layer('flatten', 'Flatten'),
      layer('dense', 'Dense', { units: 10, activation: 'linear' }),
      layer('loss', 'MeanSquaredError'),
    ],
    [edge('mnist', 'flatten', 'images'), edge('flatten', 'dense'), edge('dense', 'loss', 'output', 'predictions'), edge('mnist', 'loss', 'labels', 'labels')],
    { optimizer: 'sgd', learningRate: 1e6, batchSize: 8 },
  );
}
