import { describe, expect, it } from 'vitest';
import { finiteRange, formatNumber, histogramRows, projectSeries, seriesDomain, smoothValues, toRgba } from './chartGeometry';

const box = { left: 0, top: 0, width: 100, height: 50 };

describe('finiteRange', () => {
  it('skips non-finite values', () => expect(finiteRange([1, Number.NaN, Infinity, 3])).toEqual([1, 3]));
  it('widens a single value', () => expect(finiteRange([2, 2])).toEqual([1.8, 2.2]));
  it('is undefined without finite values', () => expect(finiteRange([Number.NaN])).toBeUndefined());
});

describe('projectSeries', () => {
  it('maps the domain corners to the box corners', () => {
    const series = { steps: [0, 10], values: [1, 2] };
    const lines = projectSeries(series, seriesDomain([series])!, box);
    expect(lines).toEqual([[0, 50, 100, 0]]);
  });

  it('breaks the line at a non-finite value', () => {
    const series = { steps: [0, 1, 2, 3], values: [1, Number.NaN, 2, 3] };
    const lines = projectSeries(series, seriesDomain([series])!, box);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveLength(2);
    expect(lines[1]).toHaveLength(4);
  });
});

describe('histogramRows', () => {
  const snapshot = (step: number, min: number, max: number, counts: number[]) => ({
    step,
    min,
    max,
    counts: new Float32Array(counts),
  });

  it('stacks the oldest snapshot at the top', () => {
    const { rows } = histogramRows([snapshot(1, 0, 1, [1, 2]), snapshot(2, 0, 1, [2, 1])], box);
    expect(rows.map((r) => r.step)).toEqual([1, 2]);
    expect(rows[0].baseline).toBeLessThan(rows[1].baseline);
    expect(rows[1].baseline).toBeCloseTo(50);
  });

  it('shares one value axis', () => {
    const { rows, range } = histogramRows([snapshot(1, -1, 0, [1]), snapshot(2, 0, 1, [1])], box);
    expect(range).toEqual([-1, 1]);
    expect(rows[0].outline[0]).toBeCloseTo(0);
    expect(rows[1].outline.at(-2)).toBeCloseTo(100);
  });

  it('scales the highest count to the peak height', () => {
    const { rows } = histogramRows([snapshot(1, 0, 1, [4, 2])], box);
    const heights = [rows[0].baseline - rows[0].outline[3], rows[0].baseline - rows[0].outline[5]];
    expect(heights[0]).toBeCloseTo(45);
    expect(heights[1]).toBeCloseTo(22.5);
  });

  it('returns no rows without snapshots', () => expect(histogramRows([], box).rows).toEqual([]));
});

describe('formatNumber', () => {
  it('keeps three significant digits', () => expect(formatNumber(0.012345)).toBe('0.0123'));
  it('uses exponents for tiny values', () => expect(formatNumber(0.0000123)).toBe('1.23e-5'));
  it('abbreviates thousands', () => expect(formatNumber(12345)).toBe('12.3k'));
});

describe('toRgba', () => {
  it('expands grayscale to opaque RGBA', () => {
    const rgba = toRgba({ width: 2, height: 1, channels: 1, pixels: new Uint8ClampedArray([10, 200]) });
    expect([...rgba]).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
  });

  it('passes RGBA through', () => {
    const pixels = new Uint8ClampedArray([1, 2, 3, 4]);
    expect(toRgba({ width: 1, height: 1, channels: 4, pixels })).toBe(pixels);
  });
});

describe('smoothValues', () => {
  it('keeps values with weight 0', () => expect(smoothValues([1, 5, 2], 0)).toEqual([1, 5, 2]));

  it('starts at the first value', () => expect(smoothValues([4, 4, 4], 0.9)[0]).toBeCloseTo(4));

  it('averages toward recent values', () => {
    const smoothed = smoothValues([0, 10], 0.5);
    // (0.5 * 0.5 * 0 + 0.5 * 10) / (1 - 0.25) = 6.67
    expect(smoothed[1]).toBeCloseTo(6.667, 2);
  });

  it('passes non-finite values through', () => {
    const smoothed = smoothValues([1, Number.NaN, 1], 0.6);
    expect(smoothed[1]).toBeNaN();
    expect(smoothed[2]).toBeCloseTo(1);
  });
});
