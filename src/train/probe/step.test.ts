import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYER_SPECS } from '../../graph/catalogue';
import { layerCases } from './layer-cases';
import { largestDifference } from './compare';
import { stepOnce } from './step';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('layer cases', () => {
  it('cover every trainable palette type', () => {
    const covered = new Set(layerCases().flatMap((c) => c.covers));
    const trainable = LAYER_SPECS.filter((spec) => spec.category === 'layer' || spec.category === 'activation' || spec.category === 'loss');
    expect(trainable.map((spec) => spec.type).filter((type) => !covered.has(type))).toEqual([]);
  });

  for (const layerCase of layerCases()) {
    it(`${layerCase.name} trains one step reproducibly`, async () => {
      const before = tf.memory().numTensors;
      const first = await stepOnce(layerCase);
      const second = await stepOnce(layerCase);
      expect(Number.isFinite(first.loss)).toBe(true);
      expect(Object.keys(first.variables).length).toBeGreaterThan(0);
      expect(largestDifference(second, first).value).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
