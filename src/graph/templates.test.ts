import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { getTemplate, TEMPLATE_NAMES } from './templates';
import type { ModelDocument, ScopeNode } from './types';

function totals(doc: ModelDocument) {
  const analysis = analyze(doc);
  return {
    size: analysis.variables.reduce((sum, variable) => sum + variable.size, 0),
    bytes: analysis.variables.reduce((sum, variable) => sum + variable.bytes, 0),
  };
}

describe('templates', () => {
  it('every template analyzes without diagnostics', () => {
    for (const name of TEMPLATE_NAMES) {
      const analysis = analyze(getTemplate(name));
      expect(analysis.diagnostics, name).toEqual([]);
      expect(analysis.trainable, name).toBe(true);
    }
  });

  it('unknown template returns undefined', () => {
    expect(getTemplate('resnet')).toBeUndefined();
  });

  it('each call returns a fresh document', () => {
    const first = getTemplate('default');
    const second = getTemplate('default');
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect(first.nodes[0]).not.toBe(second.nodes[0]);
  });

  it('default template names and shapes', () => {
    const analysis = analyze(getTemplate('default'));
    expect(analysis.variables.map((variable) => variable.name)).toEqual([
      'Classifier/Encoder/conv1/weights:0',
      'Classifier/Encoder/conv1/biases:0',
      'Classifier/Encoder/conv2/weights:0',
      'Classifier/Encoder/conv2/biases:0',
      'Classifier/Head/fc1/weights:0',
      'Classifier/Head/fc1/biases:0',
      'Classifier/Head/logits/weights:0',
      'Classifier/Head/logits/biases:0',
    ]);
    const byPath = Object.fromEntries(Object.values(analysis.nodes).map((info) => [info.opPath, info]));
    expect(byPath['Classifier/Encoder/pool2'].outputs.output).toEqual([7, 7, 32]);
    expect(byPath['Classifier/Head/logits'].outputs.output).toEqual([10]);
    expect(analysis.collections.LOSSES.map((item) => item.name)).toEqual(['Classifier/loss']);
  });

  it('default template training config', () => {
    expect(getTemplate('default').training).toEqual({
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 64,
      epochs: 1,
      addRegularizationLosses: true,
      summaryEvery: 20,
      seed: 42,
    });
  });

  it('scopes contain their children', () => {
    for (const name of TEMPLATE_NAMES) {
      const doc = getTemplate(name);
      for (const node of doc.nodes) {
        if (!node.parentId) continue;
        const parent = doc.nodes.find((candidate) => candidate.id === node.parentId) as ScopeNode;
        const size = node.kind === 'scope' ? node.size : { width: 180, height: 64 };
        expect(node.position.x, `${name} ${node.name}`).toBeGreaterThanOrEqual(0);
        expect(node.position.y, `${name} ${node.name}`).toBeGreaterThan(0);
        expect(node.position.x + size.width, `${name} ${node.name}`).toBeLessThanOrEqual(parent.size.width);
        expect(node.position.y + size.height, `${name} ${node.name}`).toBeLessThanOrEqual(parent.size.height);
      }
    }
  });

  it('vgg16 parameter count', () => {
    expect(totals(getTemplate('vgg16'))).toEqual({ size: 138_357_544, bytes: 553_430_176 });
  });

  it('vgg19 parameter count', () => {
    expect(totals(getTemplate('vgg19'))).toEqual({ size: 143_667_240, bytes: 574_668_960 });
  });

  it('vgg16 uses TF-Slim names', () => {
    const names = analyze(getTemplate('vgg16')).variables.map((variable) => variable.name);
    expect(names.slice(0, 2)).toEqual(['vgg_16/conv1/conv1_1/weights:0', 'vgg_16/conv1/conv1_1/biases:0']);
    expect(names).toContain('vgg_16/conv5/conv5_3/weights:0');
    expect(names.slice(-6)).toEqual([
      'vgg_16/fc6/weights:0',
      'vgg_16/fc6/biases:0',
      'vgg_16/fc7/weights:0',
      'vgg_16/fc7/biases:0',
      'vgg_16/fc8/weights:0',
      'vgg_16/fc8/biases:0',
    ]);
  });
});
