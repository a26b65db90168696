import { describe, expect, it } from 'vitest';
import { analyze } from '../../graph/analyze';
import { getTemplate } from '../../graph/templates';
import { formatBytes, trainingBlocker, trainingMemoryCheck } from './memory';

describe('trainingBlocker', () => {
  it('lets the default model train', () => {
    const doc = getTemplate('default');
    expect(trainingBlocker(analyze(doc), doc.training)).toBeUndefined();
  });

  it('rejects VGG16 for its memory', () => {
    const doc = getTemplate('vgg16');
    const analysis = analyze(doc);
    expect(analysis.trainable).toBe(true);
    const blocker = trainingBlocker(analysis, doc.training);
    expect(blocker?.kind).toBe('memory');
  });

  it('names the first error of an untrainable model', () => {
    const doc = getTemplate('default');
    doc.edges = doc.edges.filter((edge) => edge.targetHandle !== 'labels');
    const analysis = analyze(doc);
    const blocker = trainingBlocker(analysis, doc.training);
    expect(analysis.trainable).toBe(false);
    expect(blocker?.kind).toBe('diagnostic');
  });
});

describe('trainingMemoryCheck', () => {
  it('estimates VGG16 above its 553 MB of weights', () => {
    const doc = getTemplate('vgg16');
    const check = trainingMemoryCheck(analyze(doc), doc.training);
    expect(check.neededBytes).toBeGreaterThan(553_430_176);
    expect(check.fits).toBe(false);
  });
});

describe('formatBytes', () => {
  it('keeps bytes whole', () => expect(formatBytes(512)).toBe('512 B'));
  it('uses binary units', () => expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB'));
});
