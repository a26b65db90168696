/** Whether a model's training memory fits in a browser tab, and how to print byte counts. */
import type { Analysis } from '../../graph/types';

/**
 * Training memory a browser tab can be expected to give one model: 1 GiB. Browsers cap GPU buffers
 * and tab memory differently, so this is a conservative round limit, not a measured one.
 */
export const BROWSER_TRAINING_LIMIT_BYTES = 1024 ** 3;

export interface MemoryCheck {
  fits: boolean;
  neededBytes: number;
  limitBytes: number;
}

// TODO: use the graph analyzer's estimate (activations included) once it lands. Until then the
// estimate counts weights, gradients and two optimizer slots: four float32 copies of the variables.
export function estimateTrainingBytesOf(analysis: Analysis): number {
  return analysis.variables.reduce((sum, variable) => sum + variable.bytes, 0) * 4;
}

export function trainingMemoryCheck(analysis: Analysis, limitBytes = BROWSER_TRAINING_LIMIT_BYTES): MemoryCheck {
  const neededBytes = estimateTrainingBytesOf(analysis);
  return { fits: neededBytes <= limitBytes, neededBytes, limitBytes };
}

/** Formats a byte count with binary units: `512 B`, `3.4 MiB`, `2.1 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}
