/**
 * The trained model the worker exports: trained on real MNIST, exported as tfjs files, loaded back
 * with `tf.loadLayersModel`, it must score exactly the test accuracy the trainer measured.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallMnistClassifier } from '../compiler/testing';
import { tfBackendActivator } from '../train/backend';
import { loadMnist, sequentialBatches, takeExamples } from '../train/mnist';
import { nodeMnistReader } from '../train/mnist-node';
import { batchTensors, Trainer } from '../train/trainer';
import { buildTfjsFiles } from './tfjs-export';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function loadFiles(modelJson: string, weights: Uint8Array): Promise<tf.LayersModel> {
  const json = JSON.parse(modelJson) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((group) => group.weights), weightData }),
  );
}

describe('trained model export', () => {
  it('reloads with the accuracy the trainer measured', async () => {
    const trainer = new Trainer({ readMnist: nodeMnistReader(), activate: tfBackendActivator(), progressIntervalMs: 0 });
    const doc = smallMnistClassifier(32, { optimizer: 'adam', learningRate: 0.01, batchSize: 32 });
    const testExamples = 500;
    const result = await trainer.run(doc, { backend: 'cpu', trainExamples: 1000, testExamples, maxSteps: 30 }, () => {});
    expect(result?.testAccuracy).toBeGreaterThan(0.5);
    const exported = trainer.trainedModel;
    expect(exported).not.toBeNull();

    const baseline = tf.memory().numTensors;
    const files = buildTfjsFiles(exported!, 'ScopeFlow test');
    const model = await loadFiles(files.modelJson, files.weights);
    const test = takeExamples((await loadMnist(nodeMnistReader())).test, testExamples);

    let correct = 0;
    for (const batch of sequentialBatches(test, 250)) {
      const feed = batchTensors(batch);
      const hits = tf.tidy(() => {
        const outputs = model.predict(feed.images);
        const list = Array.isArray(outputs) ? outputs : [outputs];
        // The logits are the last 10-wide output: every endpoint is an output, in topological order.
        const logits = list.filter((output) => output.shape.length === 2 && output.shape[1] === 10).at(-1)!;
        return logits.argMax(-1).equal(feed.labels.argMax(-1)).sum().dataSync()[0];
      });
      feed.images.dispose();
      feed.labels.dispose();
      correct += hits;
    }
    expect(correct / testExamples).toBe(result!.testAccuracy);

    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('has no model before a run trains', () => {
    const trainer = new Trainer({ readMnist: nodeMnistReader(), activate: tfBackendActivator() });
    expect(trainer.trainedModel).toBeNull();
  });
});
