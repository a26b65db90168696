/**
 * Training-run state as plain data, and the pure function that folds worker messages into it. The
 * zustand store in `runStore.ts` stores this state. Nothing here touches React, the worker or tfjs.
 */
import type {
  BackendName,
  BackendRequest,
  FromWorker,
  LocalizedText,
  TrainOptions,
  TrainPhase,
} from '../train/protocol';
import {
  appendHistogram,
  appendScalar,
  DEFAULT_BUFFER_LIMITS,
  replaceImage,
  type BufferLimits,
  type HistogramRing,
  type ImageSnapshot,
  type ScalarSeries,
} from './runBuffers';

/** Run phase: `idle` before the first run, `starting` between the train click and the worker's first phase. */
export type RunPhase = 'idle' | 'starting' | TrainPhase;

export interface EpochResult {
  /** Epoch number, counted from 1 as the worker does. */
  epoch: number;
  step: number;
  testAccuracy: number;
  testLoss: number;
  testExamples: number;
}

/** Options the user picked for the next run. */
export interface RunOptions {
  backend: BackendRequest;
  /** Step limit. Without it the run trains for the document's epochs. */
  maxSteps?: number;
  /** Test examples evaluated after each epoch. Without it the worker uses all 10,000. */
  testExamples?: number;
}

export interface RunData {
  /** Increments on every start, so panels can tell a new run from more data of the same run. */
  runId: number;
  phase: RunPhase;
  backend?: BackendName;
  backendReason?: LocalizedText;
  step: number;
  epoch: number;
  totalSteps: number;
  stepsPerEpoch: number;
  examplesPerSecond: number;
  evals: EpochResult[];
  error?: LocalizedText;
  memory?: { numTensors: number; numBytes: number };
  scalars: Record<string, ScalarSeries>;
  histograms: Record<string, HistogramRing>;
  images: Record<string, ImageSnapshot>;
}

export const INITIAL_RUN_DATA: RunData = {
  runId: 0,
  phase: 'idle',
  step: 0,
  epoch: 0,
  totalSteps: 0,
  stepsPerEpoch: 0,
  examplesPerSecond: 0,
  evals: [],
  scalars: {},
  histograms: {},
  images: {},
};

/** True while a worker run is in progress and a stop makes sense. */
export function isRunActive(phase: RunPhase): boolean {
  return phase === 'starting' || phase === 'loading-data' || phase === 'compiling' || phase === 'training' || phase === 'evaluating';
}

/** Clears the previous run's numbers and buffers for a new run. */
export function beginRun(data: RunData): RunData {
  return { ...INITIAL_RUN_DATA, runId: data.runId + 1, phase: 'starting' };
}

/** Folds one worker message into the run data. Unchanged tags keep their buffer objects. */
export function applyWorkerMessage(
  data: RunData,
  message: FromWorker,
  limits: BufferLimits = DEFAULT_BUFFER_LIMITS,
): RunData {
  switch (message.type) {
    case 'backend':
      return { ...data, backend: message.name, backendReason: message.reason };
    case 'phase':
      return { ...data, phase: message.phase };
    case 'progress':
      return {
        ...data,
        step: message.step,
        epoch: message.epoch,
        totalSteps: message.totalSteps,
        stepsPerEpoch: message.stepsPerEpoch,
        examplesPerSecond: message.examplesPerSecond,
      };
    case 'scalars': {
      const scalars = { ...data.scalars };
      for (const [tag, value] of Object.entries(message.values)) {
        scalars[tag] = appendScalar(scalars[tag], tag, message.step, value, limits.maxScalarPoints);
      }
      return { ...data, scalars };
    }
    case 'histograms': {
      const histograms = { ...data.histograms };
      for (const item of message.items) {
        histograms[item.tag] = appendHistogram(histograms[item.tag], item, message.step, limits.maxHistogramSnapshots);
      }
      return { ...data, histograms };
    }
    case 'images': {
      const images = { ...data.images };
      for (const item of message.items) {
        images[item.tag] = replaceImage(images[item.tag], item, message.step);
      }
      return { ...data, images };
    }
    case 'eval': {
      const result: EpochResult = {
        epoch: message.epoch,
        step: message.step,
        testAccuracy: message.testAccuracy,
        testLoss: message.testLoss,
        testExamples: message.testExamples,
      };
      return { ...data, evals: [...data.evals.filter((e) => e.epoch !== message.epoch), result] };
    }
    case 'memory':
      return { ...data, memory: { numTensors: message.numTensors, numBytes: message.numBytes } };
    case 'error':
      return { ...data, phase: 'failed', error: message.error };
    case 'done': {
      // A failed run stays failed even if the worker reports `done` afterwards.
      let phase: RunPhase = message.stopped ? 'stopped' : 'done';
      if (data.phase === 'failed') phase = 'failed';
      return { ...data, phase, step: Math.max(data.step, message.step) };
    }
    case 'exported':
    case 'export-failed':
      // Answers to `TrainingClient.exportModel`, which waits for them itself.
      return data;
  }
}

/** Progress through the run in [0, 1], or undefined while the total is unknown. */
export function progressFraction(data: Pick<RunData, 'step' | 'totalSteps'>): number | undefined {
  if (data.totalSteps <= 0) return undefined;
  return Math.min(1, Math.max(0, data.step / data.totalSteps));
}

/**
 * Parses an optional count field (the step limit, the test examples): empty means unset, otherwise
 * a whole number of at least 1. Returns `{ error }` with the message key `invalidKey` otherwise.
 */
export function parseOptionalCount(text: string, invalidKey: string): { value: number | undefined } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: undefined };
  if (!/^\d+$/.test(trimmed)) return { error: invalidKey };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value < 1) return { error: invalidKey };
  return { value };
}

export function parseMaxSteps(text: string) {
  return parseOptionalCount(text, 'panels.train.maxStepsInvalid');
}

export function parseTestExamples(text: string) {
  return parseOptionalCount(text, 'panels.train.testExamplesInvalid');
}

/** Builds the worker's options from the user's, leaving unset limits out. */
export function toTrainOptions(options: RunOptions): TrainOptions {
  const result: TrainOptions = { backend: options.backend };
  if (options.maxSteps !== undefined) result.maxSteps = options.maxSteps;
  if (options.testExamples !== undefined) result.testExamples = options.testExamples;
  return result;
}
