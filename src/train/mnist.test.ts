import { describe, expect, it } from 'vitest';
import {
  gatherBatch,
  loadMnist,
  MnistBatcher,
  parseIdxImages,
  parseIdxLabels,
  sequentialBatches,
  shuffledIndices,
  seededRandom,
} from './mnist';
import { nodeMnistReader } from './mnist-node';
import { TrainError } from './text';

function idx(magic: number, dims: number[], body: number[]): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  bytes.set(body, 4 + 4 * dims.length);
  return bytes;
}

function errorKey(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof TrainError ? error.text.messageKey : `not a TrainError: ${String(error)}`;
  }
  return undefined;
}

describe('IDX parsing', () => {
  it('loads the real MNIST files', async () => {
    const data = await loadMnist(nodeMnistReader());
    expect(data.train.count).toBe(60000);
    expect(data.test.count).toBe(10000);
    expect(data.train.pixels.length).toBe(60000 * 784);
    // The first training label of MNIST is 5 and the first test label is 7.
    expect(data.train.labels[0]).toBe(5);
    expect(data.test.labels[0]).toBe(7);
  });

  it('rejects a wrong magic number', () => {
    const labels = idx(0x803, [1], [3]);
    expect(errorKey(() => parseIdxLabels(labels, 'labels'))).toBe('train.mnist.badMagic');
  });

  it('rejects a truncated image file', () => {
    const images = idx(0x803, [2, 28, 28], new Array(784).fill(0));
    expect(errorKey(() => parseIdxImages(images, 'images'))).toBe('train.mnist.badLength');
  });

  it('rejects a too short header', () => {
    expect(errorKey(() => parseIdxImages(new Uint8Array(5), 'images'))).toBe('train.mnist.tooShort');
  });

  it('rejects a label above 9', () => {
    expect(errorKey(() => parseIdxLabels(idx(0x801, [2], [1, 12]), 'labels'))).toBe('train.mnist.badLabel');
  });

  it('names the file in the message', () => {
    try {
      parseIdxLabels(idx(0x801, [3], [1]), 'my-labels');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('my-labels');
    }
  });
});

describe('batching', () => {
  const split = {
    count: 5,
    pixels: new Uint8Array(5 * 784).map((_, i) => (Math.floor(i / 784) * 50) % 256),
    labels: new Uint8Array([0, 1, 2, 3, 9]),
  };

  it('normalises pixels and one-hot encodes labels', () => {
    const batch = gatherBatch(split, [4, 1]);
    expect(batch.images[0]).toBeCloseTo(200 / 255, 6);
    expect(batch.images[784]).toBeCloseTo(50 / 255, 6);
    expect(Array.from(batch.labels.subarray(0, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(batch.labels.subarray(10, 20))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('shuffles the same way for the same seed', () => {
    const a = Array.from(shuffledIndices(100, seededRandom(7)));
    const b = Array.from(shuffledIndices(100, seededRandom(7)));
    const c = Array.from(shuffledIndices(100, seededRandom(8)));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('drops the last partial batch of an epoch', () => {
    const batcher = new MnistBatcher(split, 2, 1);
    const sizes = [...batcher.epoch()].map((batch) => batch.size);
    expect(sizes).toEqual([2, 2]);
  });

  it('keeps every example in sequential batches', () => {
    const sizes = [...sequentialBatches(split, 2)].map((batch) => batch.size);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects a batch larger than the split', () => {
    expect(errorKey(() => new MnistBatcher(split, 6, 1))).toBe('train.options.batchTooLarge');
  });
});
