/**
 * Bounded buffers for the summaries a training run streams back: scalar series, histogram
 * snapshots and the latest image per tag. Every function returns a new buffer and never mutates its
 * input, so a panel that selects one tag re-renders only when that tag's buffer changes.
 */
import type { HistogramSummary, ImageSummary } from '../train/protocol';

/** A scalar summary over time, sampled uniformly by arrival order once it grows past its capacity. */
export interface ScalarSeries {
  tag: string;
  steps: number[];
  values: number[];
  /** Every `stride`-th received value is kept. The stride doubles each time the series is halved. */
  stride: number;
  /** Values received so far, kept or not. */
  received: number;
  /** The latest value, always shown even when sampling skipped it. */
  lastStep: number;
  lastValue: number;
  version: number;
}

export interface HistogramSnapshot {
  step: number;
  min: number;
  max: number;
  counts: Float32Array;
}

/** The latest histogram snapshots of one tag, oldest first. Older ones drop out past the capacity. */
export interface HistogramRing {
  tag: string;
  snapshots: HistogramSnapshot[];
  received: number;
  version: number;
}

export interface ImageSnapshot {
  tag: string;
  step: number;
  width: number;
  height: number;
  channels: 1 | 4;
  pixels: Uint8ClampedArray;
  version: number;
}

export interface BufferLimits {
  /** Points kept per scalar series. The series is halved when it would exceed this. */
  maxScalarPoints: number;
  /** Snapshots kept per histogram tag. */
  maxHistogramSnapshots: number;
}

export const DEFAULT_BUFFER_LIMITS: BufferLimits = { maxScalarPoints: 500, maxHistogramSnapshots: 40 };

/** Appends one scalar value, keeping at most `maxPoints` points (at least 2). */
export function appendScalar(
  series: ScalarSeries | undefined,
  tag: string,
  step: number,
  value: number,
  maxPoints: number,
): ScalarSeries {
  const base: ScalarSeries = series ?? {
    tag,
    steps: [],
    values: [],
    stride: 1,
    received: 0,
    lastStep: step,
    lastValue: value,
    version: 0,
  };
  let steps = base.steps;
  let values = base.values;
  let stride = base.stride;

  if (base.received % stride === 0) {
    steps = [...steps, step];
    values = [...values, value];
  }
  if (steps.length > Math.max(2, maxPoints)) {
    // Keeping the even indices keeps the points whose arrival index is a multiple of the new stride,
    // so later appends stay on the same uniform grid.
    steps = steps.filter((_, i) => i % 2 === 0);
    values = values.filter((_, i) => i % 2 === 0);
    stride *= 2;
  }

  return {
    tag,
    steps,
    values,
    stride,
    received: base.received + 1,
    lastStep: step,
    lastValue: value,
    version: base.version + 1,
  };
}

/** Appends one histogram snapshot, dropping the oldest ones past `capacity` (at least 1). */
export function appendHistogram(
  ring: HistogramRing | undefined,
  summary: HistogramSummary,
  step: number,
  capacity: number,
): HistogramRing {
  const snapshot: HistogramSnapshot = { step, min: summary.min, max: summary.max, counts: summary.counts };
  const previous = ring?.snapshots ?? [];
  const keep = Math.max(1, capacity) - 1;
  const snapshots = [...previous.slice(Math.max(0, previous.length - keep)), snapshot];
  return {
    tag: summary.tag,
    snapshots,
    received: (ring?.received ?? 0) + 1,
    version: (ring?.version ?? 0) + 1,
  };
}

export function replaceImage(previous: ImageSnapshot | undefined, summary: ImageSummary, step: number): ImageSnapshot {
  return {
    tag: summary.tag,
    step,
    width: summary.width,
    height: summary.height,
    channels: summary.channels,
    pixels: summary.pixels,
    version: (previous?.version ?? 0) + 1,
  };
}

/**
 * Computes the mean and standard deviation of a histogram from its bucket centres. Both are NaN for
 * an empty histogram.
 */
export function histogramMoments(snapshot: HistogramSnapshot): { mean: number; std: number } {
  const buckets = snapshot.counts.length;
  const width = (snapshot.max - snapshot.min) / Math.max(1, buckets);
  let total = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < buckets; i++) {
    const count = snapshot.counts[i];
    const centre = snapshot.min + width * (i + 0.5);
    total += count;
    sum += count * centre;
    sumOfSquares += count * centre * centre;
  }
  if (total <= 0) return { mean: Number.NaN, std: Number.NaN };
  const mean = sum / total;
  return { mean, std: Math.sqrt(Math.max(0, sumOfSquares / total - mean * mean)) };
}
