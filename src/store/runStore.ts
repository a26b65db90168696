/**
 * The run store factory: training options, training state and summary buffers, fed by a training
 * client. It has no React and no worker of its own, so tests drive it with any object that speaks
 * the worker protocol.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelDocument } from '../graph/types';
import type { BackendRequest, FromWorker, TrainOptions } from '../train/protocol';
import { DEFAULT_BUFFER_LIMITS, type BufferLimits } from './runBuffers';
import { applyWorkerMessage, beginRun, INITIAL_RUN_DATA, isRunActive, toTrainOptions, type RunData, type RunOptions } from './runState';

/** The part of `TrainingClient` (src/train/client.ts) that the store uses. */
export interface RunClient {
  start(doc: ModelDocument, options: TrainOptions): void;
  stop(): void;
  onMessage(listener: (message: FromWorker) => void): (() => void) | void;
  dispose(): void;
}

export interface RunActions {
  setBackend(backend: BackendRequest): void;
  setMaxSteps(maxSteps: number | undefined): void;
  setTestExamples(testExamples: number | undefined): void;
  /** Starts a fresh run of `doc`, clearing the previous run's state. A run still active is superseded. */
  start(doc: ModelDocument): void;
  stop(): void;
  /** Folds a worker message into the state (the client listener calls this). */
  receive(message: FromWorker): void;
  /** Disposes the client and its worker, for example when the page unloads. */
  dispose(): void;
}

export type RunStoreState = RunData & { options: RunOptions } & RunActions;

export const DEFAULT_RUN_OPTIONS: RunOptions = { backend: 'auto' };

export function createRunStore(
  createClient: () => RunClient,
  limits: BufferLimits = DEFAULT_BUFFER_LIMITS,
): StoreApi<RunStoreState> {
  let client: RunClient | undefined;
  let unsubscribe: (() => void) | void;
  // Messages still due from a run that was active when the next one started: the client's worker
  // sends that run's `done` before the new run's messages, so everything up to it is dropped.
  let staleRuns = 0;

  const releaseClient = () => {
    if (typeof unsubscribe === 'function') unsubscribe();
    unsubscribe = undefined;
    client?.dispose();
    client = undefined;
    staleRuns = 0;
  };

  return createStore<RunStoreState>()((set, get) => ({
    ...INITIAL_RUN_DATA,
    options: DEFAULT_RUN_OPTIONS,

    setBackend: (backend) => set({ options: { ...get().options, backend } }),
    setMaxSteps: (maxSteps) => set({ options: { ...get().options, maxSteps } }),
    setTestExamples: (testExamples) => set({ options: { ...get().options, testExamples } }),

    start: (doc) => {
      if (isRunActive(get().phase) && client) staleRuns++;
      set(beginRun(get()));

      if (!client) {
        // One client for the store's lifetime, so tfjs and MNIST load once in its worker.
        const created = createClient();
        client = created;
        unsubscribe = created.onMessage((message) => {
          if (staleRuns > 0) {
            if (message.type === 'done') staleRuns--;
            return;
          }
          get().receive(message);
        });
      }

      client.start(doc, toTrainOptions(get().options));
    },

    stop: () => {
      if (!isRunActive(get().phase)) return;
      client?.stop();
    },

    receive: (message) => set(applyWorkerMessage(get(), message, limits)),

    dispose: releaseClient,
  }));
}
