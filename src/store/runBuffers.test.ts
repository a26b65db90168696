import { describe, expect, it } from 'vitest';
import { appendHistogram, appendScalar, histogramMoments, replaceImage, type ScalarSeries } from './runBuffers';

function appendMany(count: number, maxPoints: number): ScalarSeries {
  let series: ScalarSeries | undefined;
  for (let step = 0; step < count; step++) series = appendScalar(series, 'loss', step, step * 10, maxPoints);
  return series!;
}

describe('appendScalar', () => {
  it('keeps every point below the capacity', () => {
    const series = appendMany(5, 8);
    expect(series.steps).toEqual([0, 1, 2, 3, 4]);
    expect(series.values).toEqual([0, 10, 20, 30, 40]);
    expect(series.received).toBe(5);
    expect(series.version).toBe(5);
  });

  it('halves the series past the capacity', () => {
    const series = appendMany(9, 8);
    expect(series.steps).toEqual([0, 2, 4, 6, 8]);
    expect(series.stride).toBe(2);
  });

  it('stays bounded and uniform over a long run', () => {
    const series = appendMany(10_000, 100);
    expect(series.steps.length).toBeLessThanOrEqual(100);
    expect(series.steps.length).toBeGreaterThan(50);
    const gaps = new Set(series.steps.slice(1).map((step, i) => step - series.steps[i]));
    expect([...gaps]).toEqual([series.stride]);
  });

  it('always records the latest value', () => {
    const series = appendMany(9_999, 100);
    expect(series.lastStep).toBe(9_998);
    expect(series.lastValue).toBe(99_980);
  });

  it('does not mutate the previous series', () => {
    const before = appendMany(3, 8);
    const steps = [...before.steps];
    appendScalar(before, 'loss', 3, 30, 8);
    expect(before.steps).toEqual(steps);
    expect(before.version).toBe(3);
  });
});

describe('appendHistogram', () => {
  const summary = (value: number) => ({ tag: 'layer1/weights', min: value, max: value + 1, counts: new Float32Array([1, 2]) });

  it('drops the oldest snapshots past the capacity', () => {
    let ring = appendHistogram(undefined, summary(0), 0, 3);
    for (let step = 1; step < 5; step++) ring = appendHistogram(ring, summary(step), step, 3);
    expect(ring.snapshots.map((s) => s.step)).toEqual([2, 3, 4]);
    expect(ring.received).toBe(5);
    expect(ring.version).toBe(5);
  });

  it('does not mutate the previous ring', () => {
    const first = appendHistogram(undefined, summary(0), 0, 3);
    appendHistogram(first, summary(1), 1, 3);
    expect(first.snapshots).toHaveLength(1);
  });
});

describe('replaceImage', () => {
  it('keeps the latest image and counts versions', () => {
    const pixels = new Uint8ClampedArray(4);
    const first = replaceImage(undefined, { tag: 'input', width: 2, height: 2, channels: 1, pixels }, 1);
    const second = replaceImage(first, { tag: 'input', width: 2, height: 2, channels: 1, pixels }, 5);
    expect(second.step).toBe(5);
    expect(second.version).toBe(2);
  });
});

describe('histogramMoments', () => {
  it('weights bucket centres by their counts', () => {
    // Buckets [0,1) and [1,2) with centres 0.5 and 1.5.
    const moments = histogramMoments({ step: 0, min: 0, max: 2, counts: new Float32Array([1, 3]) });
    expect(moments.mean).toBeCloseTo(1.25);
    expect(moments.std).toBeCloseTo(Math.sqrt(0.1875));
  });

  it('is NaN for an empty histogram', () => {
    const moments = histogramMoments({ step: 0, min: 0, max: 1, counts: new Float32Array([0, 0]) });
    expect(moments.mean).toBeNaN();
    expect(moments.std).toBeNaN();
  });
});
