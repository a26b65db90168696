import { describe, expect, it } from 'vitest';
import { TrainingClient, type WorkerLike } from '../train/client';
import type { FromWorker, ToWorker } from '../train/protocol';
import type { ExportedModel } from './tfjs-export';

/** Records posted messages; `reply` plays the worker's side. */
class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }

  terminate(): void {}

  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const model: ExportedModel = { modelTopology: { class_name: 'Functional' }, weightSpecs: [], weightData: new ArrayBuffer(8) };

describe('TrainingClient.exportModel', () => {
  it('resolves with the answer to its own request', async () => {
    const worker = new FakeWorker();
    const client = new TrainingClient(() => worker);
    const first = client.exportModel();
    const second = client.exportModel();
    expect(worker.posted).toEqual([
      { type: 'export', requestId: 1 },
      { type: 'export', requestId: 2 },
    ]);
    worker.reply({ type: 'exported', requestId: 2, model });
    worker.reply({ type: 'export-failed', requestId: 1, error: { messageKey: 'share.files.exportNotTrained', values: {}, message: 'Train first.' } });
    await expect(second).resolves.toBe(model);
    await expect(first).rejects.toEqual({ messageKey: 'share.files.exportNotTrained', values: {}, message: 'Train first.' });
  });

  it('rejects when the worker crashes', async () => {
    const worker = new FakeWorker();
    const client = new TrainingClient(() => worker);
    const pending = client.exportModel();
    worker.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    await expect(pending).rejects.toMatchObject({ messageKey: 'train.worker.crashed' });
  });
});
