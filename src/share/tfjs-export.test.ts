import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel } from '../compiler/compile';
import { analyze } from '../graph/analyze';
import { getTemplate } from '../graph/templates';
import { buildTfjsFiles, exportLayersModel } from './tfjs-export';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

afterAll(() => {
  tf.disposeVariables();
});

/** Loads files as `tf.loadLayersModel` would from a server: model.json text and its weights file. */
async function loadFromFiles(modelJson: string, weights: Uint8Array): Promise<tf.LayersModel> {
  const json = JSON.parse(modelJson) as { modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[] };
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: buffer }));
}

function outputsOf(model: tf.LayersModel, input: tf.Tensor): Float32Array[] {
  return tf.tidy(() => {
    const result = model.predict(input);
    const list = Array.isArray(result) ? result : [result];
    return list.map((tensor) => tensor.dataSync() as Float32Array);
  });
}

describe('tfjs export', () => {
  it('writes model.json and weights that load with identical predictions', async () => {
    const doc = getTemplate('default');
    const compiled = compileModel(doc, analyze(doc));
    const model = compiled.model!;
    expect(model).not.toBeNull();

    const exported = await exportLayersModel(model);
    const files = buildTfjsFiles(exported, `ScopeFlow (TensorFlow.js ${tf.version.tfjs})`);
    expect(JSON.parse(files.modelJson).weightsManifest[0].paths).toEqual(['./model.weights.bin']);
    expect(files.weights.byteLength).toBe(exported.weightData.byteLength);

    const tensorsBefore = tf.memory().numTensors;
    const loaded = await loadFromFiles(files.modelJson, files.weights);
    const input = tf.randomUniform([3, ...(model.inputs[0].shape.slice(1) as number[])], 0, 1, 'float32', 7);
    const expected = outputsOf(model, input);
    const actual = outputsOf(loaded, input);
    expect(actual).toHaveLength(expected.length);
    actual.forEach((values, index) => expect(Array.from(values)).toEqual(Array.from(expected[index])));

    input.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    compiled.dispose();
  });
});
