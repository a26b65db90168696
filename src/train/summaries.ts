/**
 * Summaries computed on the device: each histogram reduces a tensor to `[min, max, counts…]` with tf
 * ops, and all histograms of a step travel back in one asynchronous read.
 */
import * as tf from '@tensorflow/tfjs';
import type { HistogramSummary } from './protocol';

export const HISTOGRAM_BUCKETS = 30;

/**
 * Returns `[min, max, count_0 … count_{buckets-1}]` of `x` as a float32 vector, with equal-width
 * buckets over `[min, max]`. A constant tensor puts every value in the first bucket.
 */
export function histogramOnDevice(x: tf.Tensor, buckets: number = HISTOGRAM_BUCKETS): tf.Tensor1D {
  return tf.tidy(() => {
    const flat = x.reshape([-1]);
    const min = flat.min();
    const max = flat.max();
    const width = tf.maximum(max.sub(min).div(buckets), 1e-30);
    const bucket = flat.sub(min).div(width).floor().clipByValue(0, buckets - 1).toInt();
    const counts = tf.bincount(bucket as tf.Tensor1D, tf.tensor1d([], 'float32'), buckets);
    return tf.concat([min.reshape([1]), max.reshape([1]), counts.toFloat()]) as tf.Tensor1D;
  });
}

/** Splits the concatenated histogram vectors read back from the device into messages. */
export function splitHistograms(tags: string[], values: Float32Array, buckets: number = HISTOGRAM_BUCKETS): HistogramSummary[] {
  const stride = buckets + 2;
  return tags.map((tag, i) => {
    const offset = i * stride;
    return {
      tag,
      min: values[offset],
      max: values[offset + 1],
      counts: values.slice(offset + 2, offset + stride),
    };
  });
}
