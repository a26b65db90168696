/** Whether training may start: the analysis has no error and the model fits in a browser tab. */
import { estimateTrainingBytes } from '../../graph/memory';
import type { Analysis, Diagnostic, TrainingConfig } from '../../graph/types';

/**
 * Training memory a browser tab can be expected to give one model: 1 GiB.
 * NOTE: a round, unmeasured limit. Browsers cap GPU buffers and tab memory differently.
 */
export const BROWSER_TRAINING_LIMIT_BYTES = 1024 ** 3;

export interface MemoryCheck {
  fits: boolean;
  /** The graph analyzer's estimate for one step at the document's batch size and optimizer. */
  neededBytes: number;
  limitBytes: number;
}

export function trainingMemoryCheck(
  analysis: Analysis,
  training: Pick<TrainingConfig, 'batchSize' | 'optimizer'>,
  limitBytes = BROWSER_TRAINING_LIMIT_BYTES,
): MemoryCheck {
  const neededBytes = estimateTrainingBytes(analysis, training.batchSize, training.optimizer).total;
  return { fits: neededBytes <= limitBytes, neededBytes, limitBytes };
}

/** Reason training cannot start: the first error diagnostic, or a model too large for the browser. */
export type TrainingBlocker =
  | { kind: 'diagnostic'; diagnostic: Diagnostic }
  | { kind: 'not-trainable' }
  | { kind: 'memory'; check: MemoryCheck };

export function trainingBlocker(
  analysis: Analysis,
  training: Pick<TrainingConfig, 'batchSize' | 'optimizer'>,
): TrainingBlocker | undefined {
  if (!analysis.trainable) {
    const diagnostic = analysis.diagnostics.find((d) => d.severity === 'error');
    return diagnostic ? { kind: 'diagnostic', diagnostic } : { kind: 'not-trainable' };
  }
  const check = trainingMemoryCheck(analysis, training);
  return check.fits ? undefined : { kind: 'memory', check };
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
