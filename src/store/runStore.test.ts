import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../graph/types';
import type { FromWorker, TrainOptions } from '../train/protocol';
import { createRunStore, type RunClient } from './runStore';

/** A client that records calls and lets the test post worker messages. */
class ScriptedClient implements RunClient {
  started: TrainOptions[] = [];
  stops = 0;
  disposed = false;
  private listeners: ((message: FromWorker) => void)[] = [];

  start(_doc: ModelDocument, options: TrainOptions) {
    this.started.push(options);
  }
  stop() {
    this.stops++;
  }
  onMessage(listener: (message: FromWorker) => void) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
  dispose() {
    this.disposed = true;
  }
  post(message: FromWorker) {
    for (const listener of this.listeners) listener(message);
  }
}

const doc = { version: 1, title: 't', nodes: [], edges: [], collections: [] } as unknown as ModelDocument;

function setup() {
  const clients: ScriptedClient[] = [];
  const store = createRunStore(() => {
    const client = new ScriptedClient();
    clients.push(client);
    return client;
  });
  return { store, clients };
}

describe('run store', () => {
  it('passes backend and step limit to the client', () => {
    const { store, clients } = setup();
    store.getState().setBackend('webgpu');
    store.getState().setMaxSteps(5);
    store.getState().start(doc);
    expect(clients[0].started).toEqual([{ backend: 'webgpu', maxSteps: 5 }]);
    expect(store.getState().phase).toBe('starting');
  });

  it('passes the test example count', () => {
    const { store, clients } = setup();
    store.getState().setTestExamples(500);
    store.getState().start(doc);
    expect(clients[0].started).toEqual([{ backend: 'auto', testExamples: 500 }]);
    expect(store.getState().phase).toBe('starting');
  });

  it('omits the step limit when none is set', () => {
    const { store, clients } = setup();
    store.getState().start(doc);
    expect(clients[0].started).toEqual([{ backend: 'auto' }]);
  });

  it('folds client messages into the state', () => {
    const { store, clients } = setup();
    store.getState().start(doc);
    clients[0].post({ type: 'phase', phase: 'training' });
    clients[0].post({ type: 'scalars', step: 1, values: { total_loss: 2.3 } });
    expect(store.getState().phase).toBe('training');
    expect(store.getState().scalars.total_loss.lastValue).toBe(2.3);
  });

  it('forwards stop only while a run is active', () => {
    const { store, clients } = setup();
    store.getState().stop();
    store.getState().start(doc);
    store.getState().stop();
    expect(clients[0].stops).toBe(1);
    clients[0].post({ type: 'done', step: 2, stopped: true });
    store.getState().stop();
    expect(clients[0].stops).toBe(1);
    expect(store.getState().phase).toBe('stopped');
  });

  it('reuses one client for later runs', () => {
    const { store, clients } = setup();
    store.getState().start(doc);
    clients[0].post({ type: 'scalars', step: 1, values: { total_loss: 2 } });
    clients[0].post({ type: 'done', step: 1, stopped: false });
    store.getState().start(doc);
    expect(clients).toHaveLength(1);
    expect(clients[0].started).toHaveLength(2);
    expect(store.getState().scalars).toEqual({});
    expect(store.getState().runId).toBe(2);
  });

  it('drops messages of a superseded run', () => {
    const { store, clients } = setup();
    store.getState().start(doc);
    clients[0].post({ type: 'phase', phase: 'training' });
    store.getState().start(doc);
    clients[0].post({ type: 'scalars', step: 7, values: { total_loss: 9 } });
    clients[0].post({ type: 'done', step: 7, stopped: true });
    expect(store.getState().scalars).toEqual({});
    expect(store.getState().phase).toBe('starting');
    clients[0].post({ type: 'scalars', step: 1, values: { total_loss: 1 } });
    expect(store.getState().scalars.total_loss.lastValue).toBe(1);
  });

  it('disposes the client', () => {
    const { store, clients } = setup();
    store.getState().start(doc);
    store.getState().dispose();
    expect(clients[0].disposed).toBe(true);
  });
});
