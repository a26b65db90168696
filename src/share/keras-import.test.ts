import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { LayerNode, ModelDocument, ScopeNode } from '../graph/types';
import { importKerasTopology } from './keras-import';
import { parseDocumentFile } from './json-file';

function imported(json: unknown): ModelDocument {
  const result = importKerasTopology(json, 'model');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function pathOf(doc: ModelDocument, id: string): string {
  const node = doc.nodes.find((item) => item.id === id)!;
  return node.parentId ? `${pathOf(doc, node.parentId)}/${node.name}` : node.name;
}

function layers(doc: ModelDocument): LayerNode[] {
  return doc.nodes.filter((node): node is LayerNode => node.kind === 'layer');
}

/** Saves a tfjs model to memory and returns its model.json, as `model.save` writes it. */
async function modelJsonOf(model: tf.LayersModel): Promise<unknown> {
  let topology: unknown;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      topology = artifacts.modelTopology;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return { format: 'layers-model', generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`, modelTopology: topology };
}

describe('Keras topology import', () => {
  it('imports a tfjs Sequential model with scoped names', async () => {
    const model = tf.sequential({
      name: 'mnist_cnn',
      layers: [
        tf.layers.conv2d({ name: 'Encoder/conv1', inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ name: 'Encoder/pool1', poolSize: 2 }),
        tf.layers.flatten({ name: 'Head/flatten' }),
        tf.layers.dropout({ name: 'Head/dropout', rate: 0.25 }),
        tf.layers.dense({ name: 'Head/logits', units: 10, activation: 'softmax' }),
      ],
    });
    const doc = imported(await modelJsonOf(model));
    model.dispose();

    expect(doc.title).toBe('mnist_cnn');
    const scopes = doc.nodes.filter((node): node is ScopeNode => node.kind === 'scope');
    expect(scopes.map((scope) => scope.name)).toEqual(['Encoder', 'Head']);
    expect(scopes.every((scope) => scope.scopeKind === 'variable_scope')).toBe(true);
    expect(layers(doc).map((layer) => `${pathOf(doc, layer.id)} ${layer.type}`)).toEqual([
      'input Input',
      'Encoder/conv1 Conv2D',
      'Encoder/pool1 MaxPool2D',
      'Head/flatten Flatten',
      'Head/dropout Dropout',
      'Head/logits Dense',
    ]);

    const byName = new Map(layers(doc).map((layer) => [layer.name, layer]));
    // [28, 28, 1] is the catalogue's default input shape, so it is not stored.
    expect(byName.get('input')!.params).toEqual({});
    // Keras pads 'valid' and ScopeFlow's default is 'same', so padding is kept; relu is the default.
    expect(byName.get('conv1')!.params).toEqual({ filters: 8, padding: 'valid' });
    expect(byName.get('pool1')!.params).toEqual({});
    expect(byName.get('dropout')!.params).toEqual({ rate: 0.25 });
    expect(byName.get('logits')!.params).toEqual({ units: 10, activation: 'softmax' });

    const chain = doc.edges.map((edge) => `${pathOf(doc, edge.source)}>${pathOf(doc, edge.target)}`);
    expect(chain).toEqual([
      'input>Encoder/conv1',
      'Encoder/conv1>Encoder/pool1',
      'Encoder/pool1>Head/flatten',
      'Head/flatten>Head/dropout',
      'Head/dropout>Head/logits',
    ]);
  });

  it('imports a Keras 2 functional model', () => {
    const json = {
      class_name: 'Functional',
      config: {
        name: 'net',
        layers: [
          { class_name: 'InputLayer', name: 'img', config: { name: 'img', batch_input_shape: [null, 8] }, inbound_nodes: [] },
          {
            class_name: 'Dense',
            name: 'block/fc',
            config: { name: 'block/fc', units: 4, activation: 'linear', kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } } },
            inbound_nodes: [[['img', 0, 0, {}]]],
          },
        ],
        input_layers: [['img', 0, 0]],
        output_layers: [['block/fc', 0, 0]],
      },
      keras_version: '2.15.0',
      backend: 'tensorflow',
    };
    const doc = imported(json);
    expect(layers(doc).map((layer) => pathOf(doc, layer.id))).toEqual(['img', 'block/fc']);
    expect(layers(doc)[1].params).toEqual({ units: 4, activation: 'linear', weightsRegularizer: 'l2(0.01)' });
    expect(doc.edges).toHaveLength(1);
  });

  it('reads Keras 3 inbound nodes', () => {
    const history = (name: string) => ({ args: [{ class_name: '__keras_tensor__', config: { keras_history: [name, 0, 0] } }], kwargs: {} });
    const json = {
      modelTopology: {
        model_config: {
          class_name: 'Functional',
          config: {
            name: 'k3',
            layers: [
              { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_shape: [null, 4, 4, 1] }, inbound_nodes: [] },
              { class_name: 'Flatten', name: 'flat', config: { name: 'flat' }, inbound_nodes: [history('x')] },
            ],
          },
        },
      },
    };
    const doc = imported(json);
    expect(layers(doc)[0].params).toEqual({ shape: [4, 4, 1] });
    expect(doc.edges.map((edge) => [edge.source, edge.target])).toEqual([[layers(doc)[0].id, layers(doc)[1].id]]);
  });

  it('names an unsupported layer class', () => {
    const result = importKerasTopology(
      { class_name: 'Sequential', config: { layers: [{ class_name: 'LSTM', config: { name: 'rnn', units: 4 } }] } },
      'm',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unsupported-topology');
    expect(result.error.detail?.values).toEqual({ layer: 'rnn', className: 'LSTM' });
  });

  it('rejects an invalid layer name', () => {
    const result = importKerasTopology({ class_name: 'Sequential', config: { layers: [{ class_name: 'Flatten', config: { name: 'a b' } }] } }, 'm');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail?.messageKey).toBe('share.keras.badName');
  });

  it('rejects an unknown activation', () => {
    const result = importKerasTopology(
      { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'fc', units: 2, activation: 'swish' } }] } },
      'm',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail?.values).toEqual({ layer: 'fc', param: 'activation', value: '"swish"' });
  });

  it('describes a deeply nested value safely', () => {
    const nested = JSON.parse(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`);
    const result = importKerasTopology(
      { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'fc', units: nested } }] } },
      'm',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.detail?.values).toEqual({ layer: 'fc', param: 'units', value: 'an array of 1' });
  });

  it('is reached through the file opener', () => {
    const text = JSON.stringify({ class_name: 'Sequential', config: { name: 'seq', layers: [{ class_name: 'Flatten', config: { name: 'f', batch_input_shape: [null, 2, 2] } }] } });
    const result = parseDocumentFile(text, 'model.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.title).toBe('seq');
  });
});
