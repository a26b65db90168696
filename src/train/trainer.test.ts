import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentOf, edge, layer, smallMnistClassifier } from '../compiler/testing';
import { tfBackendActivator } from './backend';
import { nodeMnistReader } from './mnist-node';
import type { FromWorker } from './protocol';
import { explodingDense } from './probe/layer-cases';
import { Trainer } from './trainer';

const trainer = new Trainer({ readMnist: nodeMnistReader(), activate: tfBackendActivator(), progressIntervalMs: 0 });

/** Returns the last message of `type`, typed, and fails the test when there is none. */
function lastOfType<T extends FromWorker['type']>(messages: FromWorker[], type: T): Extract<FromWorker, { type: T }> {
  const found = messages.filter((message) => message.type === type).at(-1);
  if (!found) throw new Error(`no ${type} message among ${messages.map((message) => message.type).join(', ')}`);
  return found as Extract<FromWorker, { type: T }>;
}

function collect(): { messages: FromWorker[]; emit: (message: FromWorker) => void } {
  const messages: FromWorker[] = [];
  return { messages, emit: (message) => messages.push(message) };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Trainer on real MNIST', () => {
  it('lowers the loss and evaluates', async () => {
    const { messages, emit } = collect();
    const doc = smallMnistClassifier(32, { optimizer: 'adam', learningRate: 0.01, batchSize: 32, summaryEvery: 10 });
    const result = await trainer.run(doc, { backend: 'cpu', trainExamples: 2000, testExamples: 500, maxSteps: 60 }, emit);
    const error = messages.find((m) => m.type === 'error');
    expect(error).toBeUndefined();
    expect(result).not.toBeNull();
    expect(result!.steps).toBe(60);
    expect(result!.lastLoss).toBeLessThan(result!.firstLoss);
    expect(result!.testAccuracy).toBeGreaterThan(0.6);
    expect(messages.at(-1)).toEqual({ type: 'done', step: 60, stopped: false });
    expect(messages.at(-3)).toEqual({ type: 'memory', numTensors: expect.any(Number), numBytes: expect.any(Number) });
    const scalars = messages.filter((m) => m.type === 'scalars');
    expect(scalars.length).toBeGreaterThan(3);
    expect(Object.keys(lastOfType(messages, 'scalars').values)).toEqual(['total_loss', 'loss', 'regularization_loss']);
    expect(lastOfType(messages, 'histograms').items.map((item) => item.tag)).toEqual([
      'fc1/weights',
      'fc1/biases',
      'logits/weights',
      'logits/biases',
    ]);
  });

  it('reports live tensors while training', async () => {
    const { messages, emit } = collect();
    const doc = smallMnistClassifier(16, { batchSize: 16, summaryEvery: 20 });
    await trainer.run(doc, { backend: 'cpu', trainExamples: 640, testExamples: 100, maxSteps: 6 }, emit);
    const doneAt = messages.findIndex((message) => message.type === 'done');
    const firstProgress = messages.findIndex((message) => message.type === 'progress');
    const duringRun = messages.slice(0, messages.findIndex((message) => message.type === 'phase' && message.phase === 'done'));
    const memoryDuringRun = duringRun.filter((message) => message.type === 'memory');

    expect(doneAt).toBeGreaterThan(0);
    expect(firstProgress).toBeGreaterThan(0);
    expect(memoryDuringRun.length).toBeGreaterThanOrEqual(6);
    for (const message of memoryDuringRun.slice(0, -1)) {
      expect(message.numTensors).toBeGreaterThan(0);
      expect(message.numBytes).toBeGreaterThan(0);
    }
    const beforeFirstStep = messages.slice(0, firstProgress).filter((message) => message.type === 'memory');
    expect(beforeFirstStep.at(0)?.numTensors).toBeGreaterThan(0);
  });

  it('posts the total loss of every step', async () => {
    const { messages, emit } = collect();
    const doc = smallMnistClassifier(16, { batchSize: 16, summaryEvery: 20 });
    await trainer.run(doc, { backend: 'cpu', trainExamples: 640, testExamples: 100, maxSteps: 7 }, emit);
    const scalars = messages.filter((message) => message.type === 'scalars');
    expect(scalars.map((message) => message.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const message of scalars) expect(Number.isFinite(message.values.total_loss)).toBe(true);
    expect(Object.keys(scalars[1].values)).toEqual(['total_loss']);
    expect(Object.keys(scalars[0].values)).toContain('regularization_loss');
    expect(messages.filter((message) => message.type === 'histograms').length).toBe(2);
  });

  it('keeps the tensor count flat across steps and runs', async () => {
    const doc = smallMnistClassifier(16, { batchSize: 16, summaryEvery: 3 });
    const counts: number[] = [];
    const emit = (message: FromWorker) => {
      if (message.type === 'progress') counts.push(tf.memory().numTensors);
    };
    const baseline = tf.memory().numTensors;
    await trainer.run(doc, { backend: 'cpu', trainExamples: 640, testExamples: 100, maxSteps: 30 }, emit);
    expect(tf.memory().numTensors).toBe(baseline);
    await trainer.run(doc, { backend: 'cpu', trainExamples: 640, testExamples: 100, maxSteps: 30 }, emit);
    expect(tf.memory().numTensors).toBe(baseline);
    expect(counts.length).toBe(60);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });

  it('keeps tensors flat over epochs, recompiles and stops', async () => {
    // Dense 256-128-64 and a 10-way head, three epochs of 3 steps each.
    const doc = documentOf(
      [
        layer('mnist', 'MnistInput'),
        layer('flatten', 'Flatten'),
        layer('fc1', 'Dense', { units: 256 }),
        layer('fc2', 'Dense', { units: 128 }),
        layer('fc3', 'Dense', { units: 64 }),
        layer('logits', 'Dense', { units: 10, activation: 'linear' }),
        layer('loss', 'SoftmaxCrossEntropy'),
      ],
      [
        edge('mnist', 'flatten', 'images'),
        edge('flatten', 'fc1'),
        edge('fc1', 'fc2'),
        edge('fc2', 'fc3'),
        edge('fc3', 'logits'),
        edge('logits', 'loss', 'output', 'logits'),
        edge('mnist', 'loss', 'labels', 'labels'),
      ],
      { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 3, summaryEvery: 4 },
    );
    const baseline = tf.memory().numTensors;
    const perEpoch: number[] = [];
    const options = { backend: 'cpu' as const, trainExamples: 96, testExamples: 50 };
    await trainer.run(doc, options, (message) => {
      if (message.type === 'eval') perEpoch.push(tf.memory().numTensors);
    });
    expect(perEpoch).toHaveLength(3);
    expect(perEpoch[2]).toBe(perEpoch[1]);
    expect(tf.memory().numTensors).toBe(baseline);

    const rerun: number[] = [];
    await trainer.run(doc, options, (message) => {
      if (message.type === 'eval') rerun.push(tf.memory().numTensors);
    });
    expect(rerun).toEqual(perEpoch);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops on request and frees everything', async () => {
    const baseline = tf.memory().numTensors;
    const messages: FromWorker[] = [];
    const doc = smallMnistClassifier(16, { batchSize: 16 });
    const run = trainer.run(doc, { backend: 'cpu', trainExamples: 640, testExamples: 100 }, (message) => {
      messages.push(message);
      if (message.type === 'progress') trainer.stop();
    });
    const result = await run;
    expect(result!.stopped).toBe(true);
    expect(messages.filter((m) => m.type === 'done')).toEqual([{ type: 'done', step: result!.steps, stopped: true }]);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('records summary nodes', async () => {
    const base = smallMnistClassifier(16, { batchSize: 16, summaryEvery: 5 });
    const doc = {
      ...base,
      nodes: [...base.nodes, layer('fc1_hist', 'HistogramSummary'), layer('input_image', 'ImageSummary'), layer('loss_scalar', 'ScalarSummary')],
      edges: [...base.edges, edge('fc1', 'fc1_hist', 'preactivation'), edge('mnist', 'input_image', 'images'), edge('loss', 'loss_scalar')],
    };
    const { messages, emit } = collect();
    const baseline = tf.memory().numTensors;
    await trainer.run(doc, { backend: 'cpu', trainExamples: 160, testExamples: 50, maxSteps: 5 }, emit);
    expect(messages.find((m) => m.type === 'error')).toBeUndefined();
    const fc1 = lastOfType(messages, 'histograms').items.find((item) => item.tag === 'fc1_hist');
    expect(fc1?.counts.reduce((a, b) => a + b, 0)).toBe(16 * 16);
    const scalars = lastOfType(messages, 'scalars').values;
    expect(scalars.loss_scalar).toBeCloseTo(scalars.loss, 6);
    const image = lastOfType(messages, 'images').items[0];
    expect(image).toMatchObject({ tag: 'input_image', width: 28, height: 28, channels: 1 });
    expect(Math.max(...image.pixels)).toBe(255);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('names the scope that went non-finite', async () => {
    const doc = explodingDense();
    const baseline = tf.memory().numTensors;
    const { messages, emit } = collect();
    const result = await trainer.run(doc, { backend: 'cpu', trainExamples: 64, testExamples: 10, maxSteps: 20 }, emit);
    expect(result).toBeNull();
    const error = lastOfType(messages, 'error').error;
    expect(error.messageKey).toBe('train.nonFinite');
    // The first non-finite value in topological order: the dense output, or the squared error above it.
    expect(error.message).toMatch(/at step \d+: (dense|loss) became non-finite/);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
