/**
 * The training Web Worker: receives `ToWorker` messages, trains with `Trainer` and posts `FromWorker`
 * messages back. TensorFlow.js and the WebGPU backend load here, never on the main thread.
 */
/// <reference lib="webworker" />
import { tfBackendActivator } from './backend';
import { fetchMnistReader } from './mnist';
import type { FromWorker, ToWorker } from './protocol';
import { localized } from './text';
import { Trainer } from './trainer';

declare const self: DedicatedWorkerGlobalScope;

const trainer = new Trainer({
  readMnist: fetchMnistReader(`${import.meta.env.BASE_URL}mnist/`),
  activate: tfBackendActivator({ loadWebGpu: () => import('@tensorflow/tfjs-backend-webgpu') }),
});

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function postExport(requestId: number): void {
  const model = trainer.trainedModel;
  if (!model) {
    post({ type: 'export-failed', requestId, error: localized('share.files.exportNotTrained') });
    return;
  }
  // A copy travels, so the trainer keeps its buffer for the next export.
  const weightData = model.weightData.slice(0);
  post({ type: 'exported', requestId, model: { ...model, weightData } }, [weightData]);
}

// Runs execute one after another. Every `start` and `stop` supersedes the runs started before it: the
// active one stops after its current step and queued ones end at once. Each still posts its one `done`.
let queue: Promise<unknown> = Promise.resolve();
let generation = 0;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'export') {
    // Answered after the queued runs, so it sees the model of the latest one; training goes on.
    void queue.then(() => postExport(message.requestId));
    return;
  }
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
