/**
 * Finds where non-finite values first appear, after a step's loss read back as NaN or infinite. The
 * check runs on values read back from the device, because `tf.isNaN` on GPU backends has missed them.
 */
import * as tf from '@tensorflow/tfjs';
import type { CompiledModel, Feed } from '../compiler/types';

export interface NonFiniteValue {
  /** A variable name or an endpoint's op path. */
  where: string;
  value: number;
}

function firstNonFinite(values: ArrayLike<number>): number | null {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return values[i];
  }
  return null;
}

/**
 * Re-runs the graph on `feed` without training and returns the first variable or endpoint, in
 * topological order, that holds a non-finite value; a layer's variables come before its outputs.
 * Returns null when everything is finite.
 */
export async function findNonFinite(compiled: CompiledModel, feed: Feed): Promise<NonFiniteValue | null> {
  const checkedNodes = new Set<string>();
  const keys: string[] = [];
  const tensors = tf.tidy(() => {
    const result = compiled.forward(feed, false);
    const kept: tf.Tensor[] = [];
    for (const key of compiled.endpointNames.keys()) {
      const tensor = result.endpoints.get(key);
      if (!tensor) continue;
      keys.push(key);
      kept.push(tensor);
    }
    for (const loss of result.losses) {
      keys.push(`loss:${loss.tag}`);
      kept.push(loss.value);
    }
    return kept;
  });
  const endpoints = new Map(keys.map((key, i) => [key, tensors[i]]));

  try {
    for (const [key, tensor] of endpoints) {
      const nodeId = key.slice(0, key.lastIndexOf(':'));
      if (!checkedNodes.has(nodeId)) {
        checkedNodes.add(nodeId);
        for (const variable of compiled.variables.filter((v) => v.nodeId === nodeId)) {
          const copy = tf.tidy(() => tf.clone(variable.read()));
          const values = await copy.data();
          copy.dispose();
          const bad = firstNonFinite(values);
          if (bad !== null) return { where: variable.name, value: bad };
        }
      }
      const bad = firstNonFinite(await tensor.data());
      if (bad !== null) {
        const where = key.startsWith('loss:') ? key.slice('loss:'.length) : (compiled.endpointNames.get(key) ?? key);
        return { where, value: bad };
      }
    }
    return null;
  } finally {
    tf.dispose(tensors);
  }
}
