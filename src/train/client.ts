/**
 * The main thread's handle on the training worker. It imports no tfjs: TensorFlow.js loads only
 * inside the worker, so the app's initial bundle stays small.
 */
import type { ModelDocument } from '../graph/types';
import type { ExportedModel } from '../share/tfjs-export';
import type { FromWorker, ToWorker, TrainOptions } from './protocol';
import { localized } from './text';

export type TrainingListener = (message: FromWorker) => void;

/** The messages a worker needs: the subset of `Worker` that the client uses, so tests can pass their own. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

function createTrainingWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'scopeflow-training' });
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { backend: 'auto' };

/**
 * Starts and stops training runs in one Web Worker and forwards its messages to listeners.
 *
 * The worker is created on the first `start` and kept for later runs, so tfjs and MNIST load once.
 * Every run ends with exactly one `done` (after `stop`, with `stopped: true`) or one `error`.
 * `start` while a run is active stops that run first; its `done` arrives before the new run's messages.
 */
export class TrainingClient {
  private worker: WorkerLike | null = null;
  private readonly listeners = new Set<TrainingListener>();
  /** Runs started and not yet ended: the worker ends every run with exactly one `done` or `error`. */
  private pendingRuns = 0;
  private exportRequests = 0;

  constructor(private readonly createWorker: () => WorkerLike = createTrainingWorker) {}

  /** True from `start` until the worker reports `done` or an error. */
  get running(): boolean {
    return this.pendingRuns > 0;
  }

  /** Sends the document to the worker, which compiles it and trains on MNIST. */
  start(doc: ModelDocument, options: Partial<TrainOptions> = {}): void {
    const worker = this.ensureWorker();
    this.pendingRuns += 1;
    worker.postMessage({ type: 'start', doc, options: { ...DEFAULT_TRAIN_OPTIONS, ...options } });
  }

  /** Asks the worker to stop after the current step. The worker then sends `done` with `stopped: true`. */
  stop(): void {
    this.worker?.postMessage({ type: 'stop' });
  }

  /**
   * Returns the model of the last run that trained at least one step, as tfjs artifacts. Rejects
   * with the worker's LocalizedText when no run has trained yet.
   */
  exportModel(): Promise<ExportedModel> {
    const worker = this.ensureWorker();
    const requestId = ++this.exportRequests;
    return new Promise((resolve, reject) => {
      const remove = this.onMessage((message) => {
        if (message.type === 'error' && message.error.messageKey === 'train.worker.crashed') {
          // A crashed worker sends no further messages.
          remove();
          reject(message.error);
        }
        if ((message.type === 'exported' || message.type === 'export-failed') && message.requestId === requestId) {
          remove();
          if (message.type === 'exported') resolve(message.model);
          else reject(message.error);
        }
      });
      worker.postMessage({ type: 'export', requestId });
    });
  }

  /** Adds a listener for every worker message and returns a function that removes it. */
  onMessage(listener: TrainingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Terminates the worker, which frees every tensor it held, and drops all listeners. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pendingRuns = 0;
    this.listeners.clear();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.deliver(event.data);
    worker.onerror = (event) => {
      // A worker that fails to load or throws outside the training loop cannot continue: drop it.
      event.preventDefault?.();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.pendingRuns = 0;
      this.deliver({ type: 'error', error: localized('train.worker.crashed', { detail: event.message || 'unknown error' }) });
    };
    this.worker = worker;
    return worker;
  }

  private deliver(message: FromWorker): void {
    if (message.type === 'done' || message.type === 'error') this.pendingRuns = Math.max(0, this.pendingRuns - 1);
    for (const listener of this.listeners) listener(message);
  }
}
