import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../graph/analyze';
import { compileModel, disposeLayersModel } from './compile';
import { documentOf, edge, layer, scope } from './testing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Dense(1) without bias, kernel constant 2, Keras l2(0.01), fed x = 0 and y = 0 through MSE. */
function regularizedDense(regularizer: string) {
  return documentOf(
    [
      layer('x', 'Input', { shape: [1] }),
      layer('y', 'Input', { shape: [1] }),
      layer('fc', 'Dense', { units: 1, useBias: false, activation: 'linear', weightsInitializer: 'constant(2)', weightsRegularizer: regularizer }),
      layer('loss', 'MeanSquaredError'),
    ],
    [edge('x', 'fc'), edge('fc', 'loss', 'output', 'predictions'), edge('y', 'loss', 'output', 'labels')],
  );
}

describe('compileModel', () => {
  it('adds a Keras l2 regularizer once', async () => {
    const doc = regularizedDense('l2(0.01)');
    const analysis = analyze(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = compileModel(doc, analysis);
    const x = tf.zeros([1, 1]);
    const y = tf.zeros([1, 1]);
    const values = tf.tidy(() => {
      const result = compiled.forward({ x, y }, true);
      expect(result.regularization).toHaveLength(1);
      expect(result.losses).toHaveLength(1);
      return tf.stack([result.regularization[0].value, result.regularizationLoss, result.totalLoss, result.losses[0].value]);
    });
    const [regularization, sum, total, mse] = await values.data();
    expect(regularization).toBeCloseTo(0.04, 6);
    expect(sum).toBeCloseTo(0.04, 6);
    expect(total).toBeCloseTo(0.04, 6);
    expect(mse).toBe(0);
    tf.dispose([values, x, y]);
    compiled.dispose();
  });
});

describe('compileModel regularizers', () => {
  it('halves TF1 l2_regularizer', async () => {
    const doc = regularizedDense('l2_regularizer(0.01)');
    const compiled = compileModel(doc, analyze(doc));
    const x = tf.zeros([1, 1]);
    const y = tf.zeros([1, 1]);
    const value = tf.tidy(() => compiled.forward({ x, y }, true).regularizationLoss);
    expect((await value.data())[0]).toBeCloseTo(0.02, 6);
    tf.dispose([value, x, y]);
    compiled.dispose();
  });

  it('rejects a malformed regularizer', () => {
    const doc = regularizedDense('l2(0.01');
    const analysis = analyze(doc);
    expect(analysis.diagnostics.map((d) => d.messageKey)).toContain('graph.regularizer.malformed');
    expect(() => compileModel(doc, analysis)).toThrow(/cannot be compiled/);
  });

  it('leaves regularization out of the total when off', async () => {
    const doc = { ...regularizedDense('l2(0.01)'), training: { ...regularizedDense('l2(0.01)').training, addRegularizationLosses: false } };
    const compiled = compileModel(doc, analyze(doc));
    const x = tf.zeros([1, 1]);
    const y = tf.zeros([1, 1]);
    const value = tf.tidy(() => compiled.forward({ x, y }, true).totalLoss);
    expect((await value.data())[0]).toBe(0);
    tf.dispose([value, x, y]);
    compiled.dispose();
  });
});

/** Two inputs through one Dense(1) shared by reusing the variable scope `shared`. */
function sharedDense() {
  return documentOf(
    [
      layer('a', 'Input', { shape: [3] }),
      layer('b', 'Input', { shape: [3] }),
      scope('s1', 'shared'),
      scope('s2', 'shared', true),
      layer('fc', 'Dense', { units: 1, activation: 'linear' }, 's1'),
      layer('fc_again', 'Dense', { units: 1, activation: 'linear' }, 's2', 'fc'),
      layer('loss', 'MeanSquaredError'),
    ],
    [edge('a', 'fc'), edge('b', 'fc_again'), edge('fc', 'loss', 'output', 'predictions'), edge('fc_again', 'loss', 'output', 'labels')],
  );
}

describe('weight sharing', () => {
  it('compiles a reused scope to one layer', async () => {
    const doc = sharedDense();
    const analysis = analyze(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const before = tf.memory().numTensors;
    const compiled = compileModel(doc, analysis);
    expect(compiled.variables.map((v) => v.name)).toEqual(['shared/fc/weights:0', 'shared/fc/biases:0']);
    expect(compiled.trainableVariables).toHaveLength(2);
    expect(compiled.model!.getWeights()).toHaveLength(2);

    let saved: tf.io.ModelArtifacts | undefined;
    await compiled.model!.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    expect(saved!.weightSpecs).toHaveLength(2);

    const input = tf.tensor2d([[1, 2, 3]]);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    const original = compiled.model!.predict([input, input]) as tf.Tensor[];
    const restored = loaded.predict([input, input]) as tf.Tensor[];
    expect(Array.from(await restored[0].data())).toEqual(Array.from(await original[0].data()));
    expect(Array.from(await restored[1].data())).toEqual(Array.from(await original[0].data()));
    tf.dispose([input, ...original, ...restored]);
    disposeLayersModel(loaded);

    compiled.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('weight sharing order', () => {
  it('shares when the reuse comes first in data flow', async () => {
    // `s2/fc` reuses `shared/fc`, but `s1/fc` (the owner) reads the output of `s2/fc`.
    const doc = documentOf(
      [
        layer('a', 'Input', { shape: [2] }),
        layer('y', 'Input', { shape: [2] }),
        scope('s1', 'shared'),
        scope('s2', 'shared', true),
        layer('owner', 'Dense', { units: 2, activation: 'linear' }, 's1', 'fc'),
        layer('reuser', 'Dense', { units: 2, activation: 'linear' }, 's2', 'fc'),
        layer('loss', 'MeanSquaredError'),
      ],
      [edge('a', 'reuser'), edge('reuser', 'owner'), edge('owner', 'loss', 'output', 'predictions'), edge('y', 'loss', 'output', 'labels')],
    );
    const analysis = analyze(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const compiled = compileModel(doc, analysis);
    expect(compiled.trainableVariables).toHaveLength(2);
    compiled.dispose();
  });
});

describe('fused layers', () => {
  it('taps preactivation and batchnorm endpoints', async () => {
    const doc = documentOf(
      [
        layer('x', 'Input', { shape: [3] }),
        layer('y', 'Input', { shape: [2] }),
        scope('net', 'net'),
        layer('fc', 'Dense', { units: 2, activation: 'relu', normalizer: 'batch_norm', normalizerScale: true }, 'net'),
        layer('loss', 'MeanSquaredError'),
      ],
      [edge('x', 'fc'), edge('fc', 'loss', 'output', 'predictions'), edge('y', 'loss', 'output', 'labels')],
    );
    const compiled = compileModel(doc, analyze(doc));
    expect(compiled.variables.map((v) => v.name)).toEqual([
      'net/fc/weights:0',
      'net/fc/BatchNorm/beta:0',
      'net/fc/BatchNorm/gamma:0',
      'net/fc/BatchNorm/moving_mean:0',
      'net/fc/BatchNorm/moving_variance:0',
    ]);
    // tfjs names its weights after the layer, which is named after the variable scope.
    expect(compiled.variables[0].weights[0].originalName).toBe('net/fc/kernel');
    expect(compiled.trainableVariables).toHaveLength(3);

    const x = tf.tensor2d([[1, -2, 3], [-1, 0.5, 2]]);
    const y = tf.zeros([2, 2]);
    const [pre, norm, out] = tf.tidy(() => {
      const { endpoints } = compiled.forward({ x, y }, true);
      return ['preactivation', 'batchnorm', 'output'].map((name) => endpoints.get(`fc:${name}`)!.clone());
    });
    const preValues = Array.from(await pre.data());
    expect(Array.from(await norm.data())).toEqual(preValues);
    expect(Array.from(await out.data())).toEqual(preValues.map((v) => Math.max(0, v)));
    // Batch norm in training mode centres each unit over the batch.
    expect(preValues[0] + preValues[2]).toBeCloseTo(0, 5);
    tf.dispose([pre, norm, out, x, y]);
    compiled.dispose();
  });
});

describe('activation fusing', () => {
  function denseWithTap(tap: boolean) {
    const nodes = [
      layer('x', 'Input', { shape: [3] }),
      layer('y', 'Input', { shape: [2] }),
      layer('fc', 'Dense', { units: 2, activation: 'relu' }),
      layer('loss', 'MeanSquaredError'),
    ];
    const edges = [edge('x', 'fc'), edge('fc', 'loss', 'output', 'predictions'), edge('y', 'loss', 'output', 'labels')];
    if (tap) {
      nodes.push(layer('pre', 'HistogramSummary'));
      edges.push(edge('fc', 'pre', 'preactivation'));
    }
    return documentOf(nodes, edges);
  }

  it('keeps an untapped activation fused', () => {
    const doc = denseWithTap(false);
    const compiled = compileModel(doc, analyze(doc));
    expect([...compiled.endpointNames.values()]).toEqual(['fc']);
    expect(compiled.model!.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense']);
    compiled.dispose();
  });

  it('splits a tapped activation', () => {
    const doc = denseWithTap(true);
    const compiled = compileModel(doc, analyze(doc));
    expect([...compiled.endpointNames.values()]).toEqual(['fc', 'fc/preactivation']);
    expect(compiled.model!.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'Dense', 'Activation']);
    compiled.dispose();
  });
});

describe('saved weight names', () => {
  it('carry no _1 suffix on a second compile', async () => {
    const doc = sharedDense();
    const first = compileModel(doc, analyze(doc));
    const second = compileModel(doc, analyze(doc));
    let names: string[] = [];
    await second.model!.save(tf.io.withSaveHandler(async (artifacts) => {
      names = artifacts.weightSpecs!.map((spec) => spec.name);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    expect(names).toEqual(['shared/fc/kernel', 'shared/fc/bias']);
    first.dispose();
    second.dispose();
  });
});
