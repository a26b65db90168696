import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSION, type ModelDocument } from '../graph/types';
import { TrainingClient, type WorkerLike } from './client';
import type { FromWorker, ToWorker } from './protocol';

/** Records posted messages; `reply` plays the worker's side. */
class RecordingWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const doc: ModelDocument = {
  version: DOCUMENT_VERSION,
  title: 'empty',
  nodes: [],
  edges: [],
  collections: [],
  training: {
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 32,
    epochs: 1,
    addRegularizationLosses: true,
    summaryEvery: 10,
    seed: 1,
  },
};

describe('TrainingClient', () => {
  it('creates one worker and fills default options', () => {
    const workers: RecordingWorker[] = [];
    const client = new TrainingClient(() => {
      const worker = new RecordingWorker();
      workers.push(worker);
      return worker;
    });
    client.start(doc, { maxSteps: 5 });
    client.start(doc);
    expect(workers).toHaveLength(1);
    expect(workers[0].posted[0]).toEqual({ type: 'start', doc, options: { backend: 'auto', maxSteps: 5 } });
  });

  it('stays running until every run ends', () => {
    const worker = new RecordingWorker();
    const client = new TrainingClient(() => worker);
    client.start(doc);
    client.start(doc);
    worker.reply({ type: 'done', step: 3, stopped: true });
    expect(client.running).toBe(true);
    worker.reply({ type: 'done', step: 10, stopped: false });
    expect(client.running).toBe(false);
  });

  it('forwards messages until unsubscribed', () => {
    const worker = new RecordingWorker();
    const client = new TrainingClient(() => worker);
    const received: FromWorker[] = [];
    const unsubscribe = client.onMessage((message) => received.push(message));
    client.start(doc);
    worker.reply({ type: 'phase', phase: 'training' });
    unsubscribe();
    worker.reply({ type: 'phase', phase: 'done' });
    expect(received).toEqual([{ type: 'phase', phase: 'training' }]);
  });

  it('reports a crashed worker as an error', () => {
    const worker = new RecordingWorker();
    const client = new TrainingClient(() => worker);
    const received: FromWorker[] = [];
    client.onMessage((message) => received.push(message));
    client.start(doc);
    worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(worker.terminated).toBe(true);
    expect(client.running).toBe(false);
    expect(received[0].type).toBe('error');
    expect(received[0].type === 'error' && received[0].error.message).toContain('boom');
  });

  it('sends stop and terminates on dispose', () => {
    const worker = new RecordingWorker();
    const client = new TrainingClient(() => worker);
    client.start(doc);
    client.stop();
    expect(worker.posted[1]).toEqual({ type: 'stop' });
    client.dispose();
    expect(worker.terminated).toBe(true);
  });
});
