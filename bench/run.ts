/**
 * Runs every `bench/*.bench.ts` and prints one JSON object per result line:
 * `{"bench":…,"value":…,"unit":…,"budget":…,"pass":…}`.
 *
 * Usage: `npm run bench [-- name-filter…] [-- --strict]`. A filter keeps benchmarks whose file or
 * name contains it. `--strict` exits with status 1 when a result misses its budget.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './types';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

function isBenchmark(value: unknown): value is Benchmark {
  return typeof value === 'object' && value !== null && typeof (value as Benchmark).run === 'function';
}

async function main(args: string[]): Promise<number> {
  const strict = args.includes('--strict');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const files = (await readdir(benchDir)).filter((file) => file.endsWith('.bench.ts')).sort();

  let failures = 0;
  let errors = 0;
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default?: unknown };
    const benchmark = module.default;
    if (!isBenchmark(benchmark)) {
      process.stderr.write(`bench: ${file} has no default export with a run() method; skipped.\n`);
      errors += 1;
      continue;
    }
    if (filters.length > 0 && !filters.some((filter) => file.includes(filter) || benchmark.name.includes(filter))) continue;

    let results: BenchResult[];
    try {
      results = await benchmark.run();
    } catch (error) {
      process.stderr.write(`bench: ${benchmark.name} (${file}) failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      errors += 1;
      continue;
    }
    for (const item of results) {
      process.stdout.write(`${JSON.stringify(item)}\n`);
      if (item.pass === false) failures += 1;
    }
  }
  if (errors > 0) return 2;
  return strict && failures > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
