/**
 * The backend probe page's script (e2e/backends.spec.ts). It exposes `window.scopeflowProbe`, which
 * trains the layer cases one step on a chosen backend and runs the backend fallback chain.
 */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, tfBackendActivator, type BackendChoice } from '../backend';
import type { BackendName } from '../protocol';
import { getTemplate } from '../../graph/templates';
import { fetchMnistReader } from '../mnist';
import type { ModelDocument } from '../../graph/types';
import type { FromWorker, LocalizedText } from '../protocol';
import { Trainer } from '../trainer';
import { explodingDense, layerCases } from './layer-cases';
import { stepOnce, type StepResult } from './step';

export interface TrainingRun {
  syncReads: number;
  /** Message types in the order the trainer sent them. */
  messages: string[];
  error: LocalizedText | null;
}

export interface ScopeflowProbe {
  caseNames(): string[];
  /** Trains the named case one step on `backend` and returns its variables. */
  step(name: string, backend: BackendName): Promise<StepResult>;
  /** Runs the `auto` chain with the listed backends made unavailable. */
  chooseWithout(disabled: BackendName[]): Promise<BackendChoice>;
  /**
   * Trains the default template on this page's thread with the trainer the worker uses, counting the
   * backend's synchronous reads (`readSync`, behind `dataSync` and `arraySync`).
   */
  trainCountingSyncReads(backend: BackendName, steps: number): Promise<TrainingRun>;
  /** Trains a model whose values overflow, on `backend`, for at most `steps` steps. */
  trainExploding(backend: BackendName, steps: number): Promise<TrainingRun>;
}

declare global {
  interface Window {
    scopeflowProbe: ScopeflowProbe;
  }
}

const activate = tfBackendActivator({ loadWebGpu: () => import('@tensorflow/tfjs-backend-webgpu') });

/** Trains `doc` on this page's thread with the worker's trainer, counting the backend's `readSync` calls. */
async function train(doc: ModelDocument, backend: BackendName, steps: number): Promise<TrainingRun> {
  const failure = await activate(backend);
  if (failure !== null) throw new Error(`Backend ${backend} is unavailable: ${failure}`);
  const active = tf.backend() as unknown as { readSync: (...args: unknown[]) => unknown };
  const readSync = active.readSync;
  let syncReads = 0;
  active.readSync = (...args: unknown[]) => {
    syncReads += 1;
    return readSync.apply(active, args);
  };
  const messages: FromWorker[] = [];
  try {
    const trainer = new Trainer({ readMnist: fetchMnistReader('/mnist/'), activate });
    await trainer.run(doc, { backend, maxSteps: steps, trainExamples: 256, testExamples: 200 }, (message) => messages.push(message));
  } finally {
    active.readSync = readSync;
  }
  const error = messages.find((m) => m.type === 'error');
  return { syncReads, messages: messages.map((m) => m.type), error: error?.type === 'error' ? error.error : null };
}

window.scopeflowProbe = {
  caseNames: () => layerCases().map((c) => c.name),
  async step(name, backend) {
    const layerCase = layerCases().find((c) => c.name === name);
    if (!layerCase) throw new Error(`No layer case named ${name}`);
    const failure = await activate(backend);
    if (failure !== null) throw new Error(`Backend ${backend} is unavailable: ${failure}`);
    return stepOnce(layerCase);
  },
  trainCountingSyncReads(backend, steps) {
    const doc = getTemplate('default');
    doc.training = { ...doc.training, batchSize: 16, summaryEvery: 2 };
    return train(doc, backend, steps);
  },
  trainExploding(backend, steps) {
    return train(explodingDense(), backend, steps);
  },
  chooseWithout(disabled) {
    return chooseBackend('auto', async (name) => (disabled.includes(name) ? `${name} disabled by the test` : activate(name)));
  },
};

document.getElementById('status')!.textContent = `ready (tfjs ${tf.version.tfjs})`;
