/** A production build of the app in a temporary folder, optionally served by `vite preview` on 127.0.0.1. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds the app with `vite build` into a temporary folder, runs `use` on it, then deletes the folder. */
export async function withProductionBuild<T>(name: string, use: (outDir: string) => Promise<T>): Promise<T> {
  const outDir = await mkdtemp(path.join(tmpdir(), `scopeflow-${name}-bench-`));
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    return await use(outDir);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Builds the app, serves the build with `vite preview` on a free port and runs `use` on its URL. */
export function withPreviewServer<T>(name: string, use: (baseUrl: string) => Promise<T>): Promise<T> {
  return withProductionBuild(name, async (outDir) => {
    const server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    try {
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('vite preview did not report a TCP port');
      return await use(`http://127.0.0.1:${address.port}`);
    } finally {
      await server.close();
    }
  });
}
