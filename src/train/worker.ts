/**
 * The training Web Worker: receives `ToWorker` messages, trains with `Trainer` and posts `FromWorker`
 * messages back. TensorFlow.js and the WebGPU backend load here, never on the main thread.
 */
/// <reference lib="webworker" />
import { tfBackendActivator } from './backend';
import { fetchMnistReader } from './mnist';
import type { FromWorker, ToWorker } from './protocol';
import { Trainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

const trainer = new Trainer({
  readMnist: fetchMnistReader(`${import.meta.env.BASE_URL}mnist/`),
  activate: tfBackendActivator({ loadWebGpu: () => import('@tensorflow/tfjs-backend-webgpu') }),
});

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

// Runs execute one after another. Every `start` and `stop` supersedes the runs started before it: the
// active one stops after its current step and queued ones end at once. Each still posts its one `done`.
let queue: Promise<unknown> = Promise.resolve();
let generation = 0;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  generation += 1;
  trainer.stop();
  if (message.type !== 'start') return;

  const runGeneration = generation;
  queue = queue.then(() => {
    if (runGeneration !== generation) {
      post({ type: 'done', step: 0, stopped: true });
      return;
    }
    return trainer.run(message.doc, message.options, post);
  });
};
