/**
 * Chart geometry in canvas pixels, kept apart from drawing so it can be tested without a canvas.
 * Non-finite values (a diverged loss) break a line instead of stretching the axis to infinity.
 */
import type { HistogramSnapshot, ImageSnapshot } from '../../store/runBuffers';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Domain {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface XYSeries {
  steps: readonly number[];
  values: readonly number[];
}

/** Returns the finite range of `values`, widened around a single value, or undefined when none is finite. */
export function finiteRange(values: Iterable<number>): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return undefined;
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return [min - pad, max + pad];
  }
  return [min, max];
}

/** Computes the shared domain of several series, or undefined when no point is finite. */
export function seriesDomain(series: readonly XYSeries[]): Domain | undefined {
  const ys = finiteRange(series.flatMap((s) => s.values));
  const xs = finiteRange(series.flatMap((s) => s.steps));
  if (!ys || !xs) return undefined;
  return { minX: xs[0], maxX: xs[1], minY: ys[0], maxY: ys[1] };
}

/**
 * Projects a series into `box`, returning one flat `[x0, y0, x1, y1, …]` polyline per run of finite
 * points. Larger values are drawn higher, as on a chart.
 */
export function projectSeries(series: XYSeries, domain: Domain, box: Box): number[][] {
  const lines: number[][] = [];
  let current: number[] = [];
  const spanX = domain.maxX - domain.minX || 1;
  const spanY = domain.maxY - domain.minY || 1;
  for (let i = 0; i < series.values.length; i++) {
    const value = series.values[i];
    if (!Number.isFinite(value)) {
      if (current.length > 0) lines.push(current);
      current = [];
      continue;
    }
    const x = box.left + ((series.steps[i] - domain.minX) / spanX) * box.width;
    const y = box.top + box.height - ((value - domain.minY) / spanY) * box.height;
    current.push(x, y);
  }
  if (current.length > 0) lines.push(current);
  return lines;
}

export interface HistogramRow {
  step: number;
  /** Baseline in pixels: where a zero count is drawn. */
  baseline: number;
  /** Flat `[x0, y0, …]` outline from the left edge of the value range to the right edge. */
  outline: number[];
}

/**
 * Lays out histogram snapshots TensorBoard-style in offset mode: one outline per snapshot, the
 * oldest at the top and the newest at the bottom, all on one value axis. Peak heights share one scale.
 */
export function histogramRows(snapshots: readonly HistogramSnapshot[], box: Box): { rows: HistogramRow[]; range?: [number, number] } {
  const range = finiteRange(snapshots.flatMap((s) => [s.min, s.max]));
  if (!range || snapshots.length === 0) return { rows: [] };

  let maxCount = 0;
  for (const snapshot of snapshots) {
    for (const count of snapshot.counts) if (count > maxCount) maxCount = count;
  }
  const peak = box.height * (snapshots.length === 1 ? 0.9 : 0.45);
  const rowGap = snapshots.length === 1 ? 0 : (box.height - peak) / (snapshots.length - 1);
  const span = range[1] - range[0];
  const toX = (value: number) => box.left + ((value - range[0]) / span) * box.width;

  const rows = snapshots.map((snapshot, index) => {
    const baseline = box.top + peak + index * rowGap;
    const buckets = snapshot.counts.length;
    const bucketWidth = (snapshot.max - snapshot.min) / Math.max(1, buckets);
    const outline: number[] = [toX(snapshot.min), baseline];
    for (let i = 0; i < buckets; i++) {
      const height = maxCount > 0 ? (snapshot.counts[i] / maxCount) * peak : 0;
      outline.push(toX(snapshot.min + bucketWidth * (i + 0.5)), baseline - height);
    }
    outline.push(toX(snapshot.max), baseline);
    return { step: snapshot.step, baseline, outline };
  });
  return { rows, range };
}

/** Formats an axis or readout number compactly: `0.0123`, `1.23e-5`, `12.3k`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 1e4) return `${(value / 1000).toFixed(1)}k`;
  if (magnitude < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}

/** Expands grayscale pixels to RGBA, the only layout `ImageData` takes. */
export function toRgba(image: Pick<ImageSnapshot, 'width' | 'height' | 'channels' | 'pixels'>): Uint8ClampedArray {
  if (image.channels === 4) return image.pixels;
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.width * image.height; i++) {
    const value = image.pixels[i];
    rgba[i * 4] = value;
    rgba[i * 4 + 1] = value;
    rgba[i * 4 + 2] = value;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/**
 * Smooths a series the way TensorBoard's scalar charts do: an exponential moving average with
 * `weight` in [0, 1), debiased so the first points are not pulled toward 0. Non-finite values stay
 * as they are and do not enter the average.
 */
export function smoothValues(values: readonly number[], weight: number): number[] {
  if (!(weight > 0)) return [...values];
  const clamped = Math.min(weight, 0.999);
  let average = 0;
  let count = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    average = average * clamped + (1 - clamped) * value;
    count += 1;
    return average / (1 - clamped ** count);
  });
}
