/**
 * The training loop shared by the Web Worker and the CLI: load MNIST, choose a backend, compile the
 * document, train with the document's optimizer, evaluate on the test set after each epoch and post
 * summaries. It reports through `FromWorker` messages and reads tensors back only asynchronously.
 */
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '../compiler/compile';
import type { CompiledModel, ForwardResult } from '../compiler/types';
import { analyze } from '../graph/analyze';
import { exportLayersModel, type ExportedModel } from '../share/tfjs-export';
import type { Analysis, ModelDocument, TrainingConfig } from '../graph/types';
import { chooseBackend, type BackendActivator } from './backend';
import { findNonFinite } from './diagnose';
import {
  loadMnist,
  MNIST_CLASSES,
  MNIST_IMAGE_SIZE,
  MnistBatcher,
  sequentialBatches,
  takeExamples,
  type MnistBatch,
  type MnistData,
  type MnistFileReader,
  type MnistSplit,
} from './mnist';
import type { BackendName, FromWorker, TrainOptions } from './protocol';
import { histogramOnDevice, imageOnDevice, planSummaries, splitHistograms, toImageSummary, type SummaryPlan } from './summaries';
import { fail, localized, toLocalizedError, TrainError } from './text';

export type Emit = (message: FromWorker, transfer?: Transferable[]) => void;

export interface TrainerEnvironment {
  readMnist: MnistFileReader;
  activate: BackendActivator;
  /** Minimum time between progress messages in ms, 250 by default. The last step always sends one. */
  progressIntervalMs?: number;
}

/** Outcome of a finished or stopped run. */
export interface RunResult {
  backend: BackendName;
  steps: number;
  trainExamples: number;
  testExamples: number;
  firstLoss: number;
  lastLoss: number;
  /** Accuracy of the last evaluation, or null when the model has no classification loss. */
  testAccuracy: number | null;
  stopped: boolean;
}

const EVAL_BATCH_SIZE = 500;
const PROGRESS_INTERVAL_MS = 250;

/** Scalar tags that every run records besides the loss op paths. */
export const TOTAL_LOSS_TAG = 'total_loss';
export const REGULARIZATION_LOSS_TAG = 'regularization_loss';

export function createOptimizer(config: TrainingConfig): tf.Optimizer {
  const rate = config.learningRate;
  if (!(rate > 0) || !Number.isFinite(rate)) fail('train.options.badLearningRate', { value: rate });
  switch (config.optimizer) {
    case 'sgd':
      return tf.train.sgd(rate);
    case 'momentum':
      return tf.train.momentum(rate, 0.9);
    case 'adam':
      return tf.train.adam(rate);
    case 'rmsprop':
      return tf.train.rmsprop(rate);
    default:
      fail('train.options.badOptimizer', { value: String(config.optimizer), choices: 'sgd, momentum, adam, rmsprop' });
  }
}

/** Converts a batch to tensors shaped for the data source: `[n, 28, 28, 1]` images, `[n, 10]` one-hot labels. */
export function batchTensors(batch: MnistBatch): { images: tf.Tensor4D; labels: tf.Tensor2D } {
  return {
    images: tf.tensor4d(batch.images, [batch.size, MNIST_IMAGE_SIZE, MNIST_IMAGE_SIZE, 1]),
    labels: tf.tensor2d(batch.labels, [batch.size, MNIST_CLASSES]),
  };
}

/** Tensors a summary step keeps past the optimizer's tidy, read back together afterwards. */
interface StepSummaries {
  scalarTags: string[];
  scalars: tf.Tensor1D;
  histogramTags: string[];
  histograms: tf.Tensor1D | null;
  images: Array<{ tag: string; pixels: tf.Tensor3D }>;
}

export class Trainer {
  private data: Promise<MnistData> | null = null;
  private stopRequested = false;

  /** The last run's trained model as tfjs artifacts (plain buffers, no tensors), for export. */
  private trained: ExportedModel | null = null;

  constructor(private readonly environment: TrainerEnvironment) {}

  /** The model of the last run that trained at least one step, or null. */
  get trainedModel(): ExportedModel | null {
    return this.trained;
  }

  /** Makes the active run stop after its current step. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Trains `doc` and reports through `emit`. Ends with exactly one `done` or one `error` message and
   * returns the result, or null after an error. All tensors of the run are freed before it returns.
   */
  async run(doc: ModelDocument, options: TrainOptions, emit: Emit): Promise<RunResult | null> {
    this.stopRequested = false;
    this.trained = null;
    let compiled: CompiledModel | null = null;
    let optimizer: tf.Optimizer | null = null;
    const release = () => {
      optimizer?.dispose();
      compiled?.dispose();
      optimizer = null;
      compiled = null;
      emitMemory(emit);
    };
    try {
      emit({ type: 'phase', phase: 'loading-data' });
      const data = await this.loadData();
      const train = takeExamples(data.train, options.trainExamples);
      const test = takeExamples(data.test, options.testExamples);

      const backend = await chooseBackend(options.backend, this.environment.activate);
      emit({ type: 'backend', name: backend.name, reason: backend.reason });

      emit({ type: 'phase', phase: 'compiling' });
      const analysis = analyze(doc);
      compiled = compileModel(doc, analysis);
      optimizer = createOptimizer(doc.training);
      emitMemory(emit);

      const result = await this.trainLoop(doc, analysis, options, compiled, optimizer, train, test, emit);
      // NOTE: every run reads its weights back once for a possible export. For models of hundreds of
      // MB this doubles their memory until the next run.
      if (result.steps > 0 && compiled.model) this.trained = await exportLayersModel(compiled.model);
      release();
      emit({ type: 'phase', phase: result.stopped ? 'stopped' : 'done' });
      emit({ type: 'done', step: result.steps, stopped: result.stopped });
      return { ...result, backend: backend.name };
    } catch (error) {
      release();
      emit({ type: 'phase', phase: 'failed' });
      emit({ type: 'error', error: toLocalizedError(error) });
      return null;
    }
  }

  private loadData(): Promise<MnistData> {
    if (!this.data) {
      this.data = loadMnist(this.environment.readMnist);
      // A failed load is retried on the next run instead of failing forever.
      this.data.catch(() => (this.data = null));
    }
    return this.data;
  }

  private async trainLoop(
    doc: ModelDocument,
    analysis: Analysis,
    options: TrainOptions,
    compiled: CompiledModel,
    optimizer: tf.Optimizer,
    train: MnistSplit,
    test: MnistSplit,
    emit: Emit,
  ): Promise<Omit<RunResult, 'backend'>> {
    const config = doc.training;
    const batcher = new MnistBatcher(train, config.batchSize, config.seed);
    const stepsPerEpoch = batcher.batchesPerEpoch;
    const totalSteps = resolveTotalSteps(options.maxSteps, config.epochs, stepsPerEpoch);
    const summaryEvery = Math.max(1, Math.floor(config.summaryEvery));
    const plan = planSummaries(analysis, compiled);

    let step = 0;
    let epoch = 0;
    let firstLoss = Number.NaN;
    let lastLoss = Number.NaN;
    let testAccuracy: number | null = null;
    const progressInterval = this.environment.progressIntervalMs ?? PROGRESS_INTERVAL_MS;
    let lastProgress = 0;
    let windowStart = now();
    let windowSteps = 0;

    emit({ type: 'phase', phase: 'training' });
    while (step < totalSteps && !this.stopRequested) {
      epoch += 1;
      for (const batch of batcher.epoch()) {
        if (step >= totalSteps || this.stopRequested) break;
        step += 1;
        const withSummaries = step === 1 || step % summaryEvery === 0 || step === totalSteps;
        const loss = await trainStep(compiled, plan, optimizer, batch, step, withSummaries, emit);
        // The CPU backend resolves `data()` in a microtask, so without a real task boundary the
        // worker would not handle a `stop` message until the run ended.
        await yieldToEventLoop();
        if (step === 1) firstLoss = loss;
        lastLoss = loss;

        windowSteps += 1;
        const time = now();
        if (time - lastProgress >= progressInterval || step === totalSteps) {
          const seconds = Math.max(1e-9, (time - windowStart) / 1000);
          const examplesPerSecond = (windowSteps * batch.size) / seconds;
          emit({ type: 'progress', step, epoch, totalSteps, stepsPerEpoch, examplesPerSecond });
          emitMemory(emit);
          lastProgress = time;
          windowStart = time;
          windowSteps = 0;
        }
      }

      const epochEnded = step % stepsPerEpoch === 0 || step >= totalSteps;
      if (epochEnded && !this.stopRequested && compiled.accuracy) {
        emit({ type: 'phase', phase: 'evaluating' });
        const evaluation = await evaluate(compiled, test);
        testAccuracy = evaluation.accuracy;
        emit({ type: 'eval', epoch, step, testAccuracy, testLoss: evaluation.loss, testExamples: test.count });
        emitMemory(emit);
        if (step < totalSteps) emit({ type: 'phase', phase: 'training' });
      }
    }

    return {
      steps: step,
      trainExamples: train.count,
      testExamples: test.count,
      firstLoss,
      lastLoss,
      testAccuracy,
      stopped: this.stopRequested && step < totalSteps,
    };
  }
}

/**
 * Runs one optimizer step on `batch` and returns its total loss, read back asynchronously. A non-finite
 * loss raises `train.nonFinite` naming the first non-finite endpoint. It posts the total loss of every
 * step, and with `withSummaries` all of the step's scalars and variable histograms.
 */
export async function trainStep(
  compiled: CompiledModel,
  plan: SummaryPlan,
  optimizer: tf.Optimizer,
  batch: MnistBatch,
  step: number,
  withSummaries: boolean,
  emit: Emit,
): Promise<number> {
  const feed = batchTensors(batch);
  let summaries: StepSummaries | null = null;
  try {
    const cost = optimizer.minimize(
      () => {
        const result = compiled.forward(feed, true);
        if (withSummaries) summaries = keepStepSummaries(result, plan);
        return result.totalLoss;
      },
      true,
      compiled.trainableVariables,
    ) as tf.Scalar;
    const loss = (await cost.data())[0];
    cost.dispose();

    if (!Number.isFinite(loss)) {
      const culprit = await findNonFinite(compiled, feed);
      fail('train.nonFinite', { step, where: culprit?.where ?? TOTAL_LOSS_TAG, value: String(culprit?.value ?? loss) });
    }
    // The loss is read back every step anyway, so the loss curve gets a point at every step. The
    // other scalars and the histograms cost extra reads, so they come only with `withSummaries`.
    if (summaries) await postSummaries(compiled, plan, summaries, step, emit);
    else emit({ type: 'scalars', step, values: { [TOTAL_LOSS_TAG]: loss } });
    return loss;
  } finally {
    feed.images.dispose();
    feed.labels.dispose();
    const kept = summaries as StepSummaries | null;
    kept?.scalars.dispose();
    kept?.histograms?.dispose();
    for (const image of kept?.images ?? []) image.pixels.dispose();
  }
}

/** Posts the backend's live tensor count and bytes (`tf.memory()` is synchronous and cheap). */
function emitMemory(emit: Emit): void {
  const { numTensors, numBytes } = tf.memory();
  emit({ type: 'memory', numTensors, numBytes });
}

/** Waits for one task of the event loop, so messages queued for the worker are handled first. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function resolveTotalSteps(maxSteps: number | undefined, epochs: number, stepsPerEpoch: number): number {
  if (maxSteps !== undefined) {
    if (!Number.isInteger(maxSteps) || maxSteps < 1) fail('train.options.badSteps', { value: maxSteps });
    return maxSteps;
  }
  if (!Number.isInteger(epochs) || epochs < 1) fail('train.options.badEpochs', { value: epochs });
  return epochs * stepsPerEpoch;
}

/**
 * Keeps the step's scalars (losses and scalar summaries of endpoints, as one vector), the histograms
 * of summarised endpoints and the images of image summaries past the optimizer's tidy. Called inside
 * `minimize`, so everything else the forward pass made is freed there.
 */
function keepStepSummaries(result: ForwardResult, plan: SummaryPlan): StepSummaries {
  const scalarTags = [TOTAL_LOSS_TAG, ...result.losses.map((loss) => loss.tag), REGULARIZATION_LOSS_TAG];
  const scalarValues: tf.Tensor[] = [result.totalLoss, ...result.losses.map((loss) => loss.value), result.regularizationLoss];
  // A summary of an endpoint the forward pass did not compute (an unfed input) is skipped.
  const present = ({ source }: { source: string }) => result.endpoints.has(source);
  for (const { tag, source } of plan.endpointScalars.filter(present)) {
    scalarTags.push(tag);
    scalarValues.push(result.endpoints.get(source)!.mean());
  }
  const scalars = tf.keep(tf.stack(scalarValues) as tf.Tensor1D);

  const endpointHistograms = plan.endpointHistograms.filter(present);
  const histogramTags = endpointHistograms.map((summary) => summary.tag);
  const histograms =
    histogramTags.length === 0
      ? null
      : tf.keep(tf.concat(endpointHistograms.map(({ source }) => histogramOnDevice(result.endpoints.get(source)!))) as tf.Tensor1D);

  const images = plan.images
    .filter(present)
    .map(({ tag, source }) => ({ tag, pixels: tf.keep(imageOnDevice(result.endpoints.get(source)!)) }));
  return { scalarTags, scalars, histogramTags, histograms, images };
}

async function postSummaries(compiled: CompiledModel, plan: SummaryPlan, kept: StepSummaries, step: number, emit: Emit): Promise<void> {
  const variables = [...compiled.variables.map((v) => ({ tag: v.tag, variable: v })), ...plan.variableHistograms];
  const variableHistograms =
    variables.length === 0 ? null : tf.tidy(() => tf.concat(variables.map(({ variable }) => histogramOnDevice(variable.read()))));

  try {
    const [scalarValues, endpointValues, variableValues, ...imageValues] = await Promise.all([
      kept.scalars.data(),
      kept.histograms?.data(),
      variableHistograms?.data(),
      ...kept.images.map((image) => image.pixels.data()),
    ]);
    const values: Record<string, number> = {};
    kept.scalarTags.forEach((tag, i) => (values[tag] = scalarValues[i]));
    emit({ type: 'scalars', step, values });

    const items = [
      ...(variableValues ? splitHistograms(variables.map((v) => v.tag), variableValues as Float32Array) : []),
      ...(endpointValues ? splitHistograms(kept.histogramTags, endpointValues as Float32Array) : []),
    ];
    const badVariable = items.find((item) => !Number.isFinite(item.min) || !Number.isFinite(item.max));
    if (badVariable) {
      fail('train.nonFinite', { step, where: badVariable.tag, value: String(Number.isFinite(badVariable.min) ? badVariable.max : badVariable.min) });
    }
    if (items.length > 0) emit({ type: 'histograms', step, items }, items.map((item) => item.counts.buffer as ArrayBuffer));

    if (kept.images.length > 0) {
      const images = kept.images.map((image, i) => toImageSummary(image.tag, image.pixels.shape, imageValues[i] as Float32Array));
      emit({ type: 'images', step, items: images }, images.map((image) => image.pixels.buffer as ArrayBuffer));
    }
  } finally {
    variableHistograms?.dispose();
  }
}

/** Accuracy and mean softmax cross-entropy on `test`, in batches, reading each batch back asynchronously. */
export async function evaluate(compiled: CompiledModel, test: MnistSplit): Promise<{ accuracy: number; loss: number }> {
  const source = compiled.accuracy;
  if (!source) throw new TrainError(localized('train.eval.noClassifier'));
  let correct = 0;
  let lossSum = 0;
  for (const batch of sequentialBatches(test, EVAL_BATCH_SIZE)) {
    const feed = batchTensors(batch);
    const sums = tf.tidy(() => {
      const result = compiled.forward(feed, false);
      const logits = result.endpoints.get(source.logits) as tf.Tensor2D;
      const labels = (feed as Record<string, tf.Tensor>)[source.labels] as tf.Tensor2D;
      const hits = logits.argMax(-1).equal(labels.argMax(-1)).sum();
      const loss = tf.losses.softmaxCrossEntropy(labels, logits, undefined, undefined, tf.Reduction.SUM);
      return tf.stack([hits.toFloat(), loss]);
    });
    feed.images.dispose();
    feed.labels.dispose();
    const [hits, loss] = await sums.data();
    sums.dispose();
    correct += hits;
    lossSum += loss;
  }
  return { accuracy: correct / test.count, loss: lossSum / test.count };
}
