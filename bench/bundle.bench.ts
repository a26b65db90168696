/**
 * Initial JavaScript: what the page loads before training starts, gzip-compressed. tfjs and its
 * WebGPU backend load with the training worker, so they must not appear here (budget 350 KB).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { withProductionBuild } from './production-build';
import { result, type Benchmark } from './types';

const BUDGET_KB = 350;

/** Script and module-preload URLs that index.html loads on its own. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) urls.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(match[1]);
  return [...urls].filter((url) => url.endsWith('.js'));
}

const bundle: Benchmark = {
  name: 'bundle',
  run() {
    return withProductionBuild('bundle', async (outDir) => {
      const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
      const files: Record<string, number> = {};
      let gzipBytes = 0;
      for (const url of initialScripts(html)) {
        const bytes = await readFile(path.join(outDir, url.replace(/^\//, '')));
        const size = gzipSync(bytes, { level: 9 }).length;
        files[url] = size;
        gzipBytes += size;
      }
      return [result('bundle.initial-js.gzip', Math.round(gzipBytes / 102.4) / 10, 'KB', BUDGET_KB, { files })];
    });
  },
};

export default bundle;
