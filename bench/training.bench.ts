/**
 * Training-step benchmarks on the tfjs CPU backend in Node, with real MNIST batches:
 * - the compiled default model against the same network written by hand with tfjs layers;
 * - training steps with the default summaries against steps without summaries.
 * Each runs both variants alternately in one process after a warm-up and reports the median of the
 * per-round time ratios, so load from other processes affects both sides of each ratio alike.
 */
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '../src/compiler/compile';
import type { CompiledModel } from '../src/compiler/types';
import { analyze } from '../src/graph/analyze';
import { getTemplate } from '../src/graph/templates';
import { installFastCpuKernels } from '../src/train/cpu-kernels';
import { loadMnist, MnistBatcher, type MnistBatch } from '../src/train/mnist';
import { nodeMnistReader } from '../src/train/mnist-node';
import { planSummaries, type SummaryPlan } from '../src/train/summaries';
import { batchTensors, createOptimizer, trainStep } from '../src/train/trainer';
import { median, result, type Benchmark, type BenchResult } from './types';

const WARMUP_STEPS = 3;
/** Timed steps of each variant; TRAINING_BENCH_REPETITIONS overrides it for a quick check of the script. */
const REPETITIONS = Number(process.env.TRAINING_BENCH_REPETITIONS ?? 15);

function now(): number {
  return performance.now();
}

/** Builds the default template's network directly with tfjs layers, as a tfjs user would. */
function handWrittenDefaultModel(): tf.layers.Layer[] {
  return [
    tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [28, 28, 1] }),
    tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
    tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }),
    tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 128, activation: 'relu' }),
    tf.layers.dense({ units: 10 }),
  ];
}

function handWrittenStep(layers: tf.layers.Layer[], optimizer: tf.Optimizer, batch: MnistBatch): () => Promise<void> {
  const model = tf.sequential({ layers });
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  return async () => {
    const { images, labels } = batchTensors(batch);
    const cost = optimizer.minimize(
      () => {
        let x: tf.Tensor = images;
        for (const layer of layers) x = layer.apply(x, { training: true }) as tf.Tensor;
        return tf.losses.softmaxCrossEntropy(labels, x) as tf.Scalar;
      },
      true,
      variables,
    )!;
    await cost.data();
    tf.dispose([cost, images, labels]);
  };
}

function compiledStep(compiled: CompiledModel, optimizer: tf.Optimizer, batch: MnistBatch): () => Promise<void> {
  return async () => {
    const feed = batchTensors(batch);
    const cost = optimizer.minimize(() => compiled.forward(feed, true).totalLoss, true, compiled.trainableVariables)!;
    await cost.data();
    tf.dispose([cost, feed.images, feed.labels]);
  };
}

/** Times `a` and `b` alternately, `a` first on even rounds and `b` first on odd ones, and returns each one's times. */
async function interleave(a: () => Promise<void>, b: () => Promise<void>, rounds: number): Promise<[number[], number[]]> {
  const timesA: number[] = [];
  const timesB: number[] = [];
  const timed = async (run: () => Promise<void>, into: number[]) => {
    const start = now();
    await run();
    into.push(now() - start);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await timed(a, timesA);
      await timed(b, timesB);
    } else {
      await timed(b, timesB);
      await timed(a, timesA);
    }
  }
  return [timesA, timesB];
}

/** Median of `a[i] / b[i]` over the rounds of `interleave`. */
function pairedRatio(a: number[], b: number[]): number {
  return median(a.map((time, i) => time / b[i]));
}

async function compiledVersusHandWritten(batch: MnistBatch): Promise<BenchResult> {
  const doc = getTemplate('default');
  const compiled = compileModel(doc, analyze(doc));
  const layers = handWrittenDefaultModel();
  const compiledOptimizer = createOptimizer(doc.training);
  const handOptimizer = createOptimizer(doc.training);
  const runCompiled = compiledStep(compiled, compiledOptimizer, batch);
  const runHand = handWrittenStep(layers, handOptimizer, batch);

  for (let i = 0; i < WARMUP_STEPS; i++) {
    await runCompiled();
    await runHand();
  }
  const [compiledTimes, handTimes] = await interleave(runCompiled, runHand, REPETITIONS);
  compiled.dispose();
  for (const layer of layers) layer.dispose();
  compiledOptimizer.dispose();
  handOptimizer.dispose();

  const compiledMs = median(compiledTimes);
  const handMs = median(handTimes);
  return result('train.step.compiled-vs-handwritten', pairedRatio(compiledTimes, handTimes), 'ratio', 1.05, {
    backend: tf.getBackend(),
    batchSize: batch.size,
    repetitions: REPETITIONS,
    compiledMedianMs: Number(compiledMs.toFixed(1)),
    handWrittenMedianMs: Number(handMs.toFixed(1)),
  });
}

/**
 * Training with the default summaries records them on one step in `summaryEvery`. Single steps with and
 * without summaries are timed interleaved, and the ratio for a whole training run follows from their
 * paired ratio r (summary step / plain step): (r + summaryEvery − 1) / summaryEvery.
 */
async function summariesVersusNone(batches: MnistBatch[]): Promise<BenchResult> {
  const doc = getTemplate('default');
  const summaryEvery = doc.training.summaryEvery;
  const analysis = analyze(doc);
  const compiled = compileModel(doc, analysis);
  const plan: SummaryPlan = planSummaries(analysis, compiled);
  const optimizer = createOptimizer(doc.training);
  let posted = 0;
  const emit = () => (posted += 1);
  let step = 0;
  const run = (withSummaries: boolean) => async () => {
    step += 1;
    await trainStep(compiled, plan, optimizer, batches[step % batches.length], step, withSummaries, emit);
  };

  for (let i = 0; i < WARMUP_STEPS; i++) {
    await run(true)();
    await run(false)();
  }
  const [summaryTimes, plainTimes] = await interleave(run(true), run(false), REPETITIONS);
  compiled.dispose();
  optimizer.dispose();

  const summaryMs = median(summaryTimes);
  const plainMs = median(plainTimes);
  const stepRatio = pairedRatio(summaryTimes, plainTimes);
  const ratio = (stepRatio + summaryEvery - 1) / summaryEvery;
  return result('train.summaries.default-vs-none', ratio, 'ratio', 1.1, {
    backend: tf.getBackend(),
    summaryEvery,
    repetitions: REPETITIONS,
    summaryStepRatio: Number(stepRatio.toFixed(3)),
    summaryStepMedianMs: Number(summaryMs.toFixed(1)),
    plainStepMedianMs: Number(plainMs.toFixed(1)),
    messagesPosted: posted,
  });
}

const benchmark: Benchmark = {
  name: 'training',
  async run() {
    await tf.setBackend('cpu');
    installFastCpuKernels();
    const data = await loadMnist(nodeMnistReader());
    const batcher = new MnistBatcher(data.train, getTemplate('default').training.batchSize, 1);
    const batches = [...batcher.epoch()].slice(0, 8);
    return [await compiledVersusHandWritten(batches[0]), await summariesVersusNone(batches)];
  },
};

export default benchmark;
