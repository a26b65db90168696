/**
 * One SGD step of a layer case on the active backend, returning every variable after the step and
 * the loss, read back asynchronously. Used by the backend comparison in the browser and in Node.
 */
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '../../compiler/compile';
import { analyze } from '../../graph/analyze';
import { createOptimizer } from '../trainer';
import type { LayerCase } from './layer-cases';

import type { StepResult } from './compare';

export type { StepResult };

/** Returns a deterministic stand-in for `Math.random` (mulberry32), so dropout masks match between runs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function stepOnce(layerCase: LayerCase): Promise<StepResult> {
  const analysis = analyze(layerCase.doc);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`${layerCase.name}: ${errors.map((d) => d.message).join('; ')}`);

  // tfjs draws unseeded random numbers (dropout masks) from Math.random; fix them for the comparison.
  const random = Math.random;
  Math.random = seeded(11);
  const compiled = compileModel(layerCase.doc, analysis);
  const optimizer = createOptimizer(layerCase.doc.training);
  const feed = Object.fromEntries(
    Object.entries(layerCase.feed).map(([id, spec]) => [id, tf.tensor(spec.values, spec.shape, spec.dtype)]),
  );
  try {
    const cost = optimizer.minimize(() => compiled.forward(feed, true).totalLoss, true, compiled.trainableVariables)!;
    const loss = (await cost.data())[0];
    cost.dispose();
    const variables: Record<string, number[]> = {};
    for (const variable of compiled.variables) {
      const value = tf.tidy(() => tf.clone(variable.read()));
      variables[variable.name] = Array.from(await value.data());
      value.dispose();
    }
    return { backend: tf.getBackend(), loss, variables };
  } finally {
    Math.random = random;
    tf.dispose(Object.values(feed));
    optimizer.dispose();
    compiled.dispose();
  }
}
