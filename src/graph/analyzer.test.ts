import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { analyzeVars, analyzeVarsJson, formatAnalyzeVars } from './analyzer';
import { estimateTrainingBytes } from './memory';
import { getTemplate } from './templates';

describe('analyzeVars', () => {
  const analysis = analyze(getTemplate('default'));

  it('formats the analyze_vars table', () => {
    const text = formatAnalyzeVars(analyzeVars(analysis), { subtotals: false });
    expect(text.split('\n')).toEqual([
      '---------',
      'Variables: name (type shape) [size]',
      '---------',
      'Classifier/Encoder/conv1/weights:0 (float32_ref 3x3x1x16) [144, bytes: 576]',
      'Classifier/Encoder/conv1/biases:0 (float32_ref 16) [16, bytes: 64]',
      'Classifier/Encoder/conv2/weights:0 (float32_ref 3x3x16x32) [4608, bytes: 18432]',
      'Classifier/Encoder/conv2/biases:0 (float32_ref 32) [32, bytes: 128]',
      'Classifier/Head/fc1/weights:0 (float32_ref 1568x128) [200704, bytes: 802816]',
      'Classifier/Head/fc1/biases:0 (float32_ref 128) [128, bytes: 512]',
      'Classifier/Head/logits/weights:0 (float32_ref 128x10) [1280, bytes: 5120]',
      'Classifier/Head/logits/biases:0 (float32_ref 10) [10, bytes: 40]',
      'Total size of variables: 206922',
      'Total bytes of variables: 827688',
    ]);
  });

  it('subtotals per scope', () => {
    const result = analyzeVars(analysis);
    const encoder = result.subtotals.find((subtotal) => subtotal.scope === 'Classifier/Encoder');
    expect(encoder).toEqual({ scope: 'Classifier/Encoder', size: 4800, bytes: 19200, count: 4 });
    expect(result.subtotals.find((subtotal) => subtotal.scope === 'Classifier')?.size).toBe(206_922);
    expect(formatAnalyzeVars(result)).toContain('Classifier/Encoder [4800, bytes: 19200]');
  });

  it('filters by scope and collection', () => {
    const head = analyzeVars(analysis, { scope: 'Classifier/Head' });
    expect(head.totalSize).toBe(202_122);
    const biases = analyzeVars(analysis, { collection: 'BIASES', scope: 'Classifier/Encoder' });
    expect(biases.rows.map((row) => row.name)).toEqual(['Classifier/Encoder/conv1/biases:0', 'Classifier/Encoder/conv2/biases:0']);
  });

  it('JSON form', () => {
    const json = analyzeVarsJson(analyzeVars(analysis, { scope: 'Classifier/Head/logits' }));
    expect(json).toEqual({
      variables: [
        { name: 'Classifier/Head/logits/weights:0', dtype: 'float32', shape: [128, 10], size: 1280, bytes: 5120, collections: ['GLOBAL_VARIABLES', 'MODEL_VARIABLES', 'TRAINABLE_VARIABLES', 'WEIGHTS'] },
        { name: 'Classifier/Head/logits/biases:0', dtype: 'float32', shape: [10], size: 10, bytes: 40, collections: ['GLOBAL_VARIABLES', 'MODEL_VARIABLES', 'TRAINABLE_VARIABLES', 'BIASES'] },
      ],
      totalSize: 1290,
      totalBytes: 5160,
    });
  });

  it('vgg19 totals', () => {
    const result = analyzeVars(analyze(getTemplate('vgg19')));
    expect(result.totalSize).toBe(143_667_240);
    expect(result.totalBytes).toBe(574_668_960);
  });
});

describe('estimateTrainingBytes', () => {
  const analysis = analyze(getTemplate('default'));

  it('counts variables, gradients, Adam slots and activations', () => {
    const estimate = estimateTrainingBytes(analysis, 64);
    expect(estimate.variables).toBe(827_688);
    expect(estimate.gradients).toBe(827_688);
    expect(estimate.optimizer).toBe(2 * 827_688);
    // Endpoint values per example: images and labels, conv1 and conv2 with preactivations, pools, flatten, fc1 twice, logits, loss.
    const perExample = 784 + 10 + 2 * 12544 + 3136 + 2 * 6272 + 1568 + 1568 + 2 * 128 + 10 + 1;
    expect(estimate.activations).toBe(perExample * 64 * 4 * 2);
    expect(estimate.total).toBe(estimate.variables + estimate.gradients + estimate.optimizer + estimate.activations);
  });

  it('SGD keeps no slots', () => {
    expect(estimateTrainingBytes(analysis, 1, 'sgd').optimizer).toBe(0);
  });
});
