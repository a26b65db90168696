/**
 * The benchmark contract. `npm run bench` (bench/run.ts) imports every `bench/*.bench.ts`, whose default
 * export is a `Benchmark`, runs them one after another and prints each result as one JSON line.
 */

export interface BenchResult {
  /** Stable id of the measurement, for example `train.step.compiled-vs-handwritten`. */
  bench: string;
  value: number;
  /** Unit of `value`: `ratio`, `ms`, `chars`, `KB`, … */
  unit: string;
  /** The most `value` may be, or null for a measurement without a budget. */
  budget: number | null;
  /** `value <= budget`, or null without a budget. */
  pass: boolean | null;
  /** Raw numbers behind `value` (medians, repetitions, backend), for docs/benchmarks.md. */
  detail?: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Builds a result whose `pass` is `value <= budget`. */
export function result(bench: string, value: number, unit: string, budget: number | null, detail?: Record<string, unknown>): BenchResult {
  return { bench, value, unit, budget, pass: budget === null ? null : value <= budget, ...(detail ? { detail } : {}) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
