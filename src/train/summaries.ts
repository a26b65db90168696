/**
 * Summaries computed on the device: each histogram reduces a tensor to `[min, max, counts…]` with tf
 * ops, and all histograms of a step travel back in one asynchronous read.
 */
import * as tf from '@tensorflow/tfjs';
import { endpointKey, type CompiledModel, type CompiledVariable, type EndpointKey } from '../compiler/types';
import type { Analysis } from '../graph/types';
import type { HistogramSummary, ImageSummary } from './protocol';

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

/**
 * The summary nodes of a document, sorted by what they read. Built-in summaries (a histogram per
 * variable, a scalar per loss) are not listed here: every summary step records them.
 */
export interface SummaryPlan {
  endpointScalars: Array<{ tag: string; source: EndpointKey }>;
  endpointHistograms: Array<{ tag: string; source: EndpointKey }>;
  variableHistograms: Array<{ tag: string; variable: CompiledVariable }>;
  images: Array<{ tag: string; source: EndpointKey }>;
}

export function planSummaries(analysis: Analysis, compiled: CompiledModel): SummaryPlan {
  const plan: SummaryPlan = { endpointScalars: [], endpointHistograms: [], variableHistograms: [], images: [] };
  const variablesByName = new Map(compiled.variables.map((v) => [v.name, v]));
  for (const summary of analysis.summaries) {
    if (summary.builtin) continue;
    const source = summary.source ? endpointKey(summary.source.nodeId, summary.source.endpoint) : null;
    const known = source !== null;
    const variable = summary.variable ? variablesByName.get(summary.variable) : undefined;
    if (summary.kind === 'scalar' && known) plan.endpointScalars.push({ tag: summary.tag, source });
    if (summary.kind === 'histogram' && known) plan.endpointHistograms.push({ tag: summary.tag, source });
    if (summary.kind === 'histogram' && variable) plan.variableHistograms.push({ tag: summary.tag, variable });
    // NOTE: an image summary shows only the batch's first image (max_outputs is not applied yet), and a
    // scalar summary of a variable is not recorded.
    if (summary.kind === 'image' && known) plan.images.push({ tag: summary.tag, source });
  }
  return plan;
}

/**
 * The first example of an image endpoint `[batch, height, width, channels]`, scaled to 0–255 per
 * image as `tf.summary.image` does for float input, as `[height, width, channels]`.
 */
export function imageOnDevice(batch: tf.Tensor): tf.Tensor3D {
  return tf.tidy(() => {
    const image = batch.rank === 4 ? batch.slice([0, 0, 0, 0], [1, -1, -1, -1]).squeeze([0]) : batch;
    const min = image.min();
    const range = tf.maximum(image.max().sub(min), 1e-12);
    return image.sub(min).div(range).mul(255) as tf.Tensor3D;
  });
}

/** Converts pixels read back from `imageOnDevice` to a grayscale or RGBA image message. */
export function toImageSummary(tag: string, shape: number[], values: Float32Array): ImageSummary {
  const [height, width, channels] = shape;
  if (channels === 1) return { tag, width, height, channels: 1, pixels: Uint8ClampedArray.from(values) };
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 4] = values[i * channels];
    pixels[i * 4 + 1] = values[i * channels + 1];
    pixels[i * 4 + 2] = values[i * channels + 2];
    pixels[i * 4 + 3] = channels === 4 ? values[i * channels + 3] : 255;
  }
  return { tag, width, height, channels: 4, pixels };
}
