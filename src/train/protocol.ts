/**
 * Messages between the UI thread and the training worker. Everything is structured-clone safe;
 * histogram and image payloads travel as transferable typed arrays.
 */
import type { ModelDocument } from '../graph/types';
import type { ExportedModel } from '../share/tfjs-export';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';
export type BackendRequest = BackendName | 'auto';

export interface TrainOptions {
  backend: BackendRequest;
  /** Stop after this many steps; undefined trains for `doc.training.epochs`. */
  maxSteps?: number;
  /** Training examples to use (the whole MNIST training set when undefined). */
  trainExamples?: number;
  /** Test examples to evaluate after each epoch (all 10,000 when undefined). */
  testExamples?: number;
}

export type ToWorker =
  | { type: 'start'; doc: ModelDocument; options: TrainOptions }
  | { type: 'stop' }
  /** Asks for the last trained model as tfjs artifacts; answered by `exported` or `export-failed`. */
  | { type: 'export'; requestId: number };

/** A translatable text: message key and values from src/i18n, plus the English text. */
export interface LocalizedText {
  messageKey: string;
  values: Record<string, string | number>;
  message: string;
}

export type TrainPhase = 'loading-data' | 'compiling' | 'training' | 'evaluating' | 'stopped' | 'done' | 'failed';

export interface HistogramSummary {
  /** Op path of the summary, for example `Classifier/Encoder/conv1/weights`. */
  tag: string;
  min: number;
  max: number;
  /** Bucket counts over `[min, max]`, equal widths. */
  counts: Float32Array;
}

export interface ImageSummary {
  tag: string;
  width: number;
  height: number;
  /** Grayscale or RGBA pixels, row-major, one image. */
  channels: 1 | 4;
  pixels: Uint8ClampedArray;
}

export type FromWorker =
  | { type: 'backend'; name: BackendName; reason: LocalizedText }
  | { type: 'phase'; phase: TrainPhase }
  | {
      type: 'progress';
      step: number;
      epoch: number;
      totalSteps: number;
      stepsPerEpoch: number;
      examplesPerSecond: number;
    }
  /** Scalar summaries by tag: `total_loss`, loss op paths, `regularization_loss`, user scalars. */
  | { type: 'scalars'; step: number; values: Record<string, number> }
  | { type: 'histograms'; step: number; items: HistogramSummary[] }
  | { type: 'images'; step: number; items: ImageSummary[] }
  | { type: 'eval'; epoch: number; step: number; testAccuracy: number; testLoss: number; testExamples: number }
  | { type: 'memory'; numTensors: number; numBytes: number }
  | { type: 'error'; error: LocalizedText }
  | { type: 'done'; step: number; stopped: boolean }
  /** The trained model of the last run that took a step, for `tf.loadLayersModel`. */
  | { type: 'exported'; requestId: number; model: ExportedModel }
  | { type: 'export-failed'; requestId: number; error: LocalizedText };
