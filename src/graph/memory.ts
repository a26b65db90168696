/**
 * An estimate of the memory one training step needs, for the UI's warning before training starts.
 * It counts float32 copies and ignores backend overhead (texture padding, kernels' scratch space),
 * so the real use is higher.
 */
import type { Analysis, OptimizerName } from './types';

const BYTES_PER_FLOAT32 = 4;

/** Extra float32 copies of each trainable variable that each optimizer keeps. */
const OPTIMIZER_SLOTS: Record<OptimizerName, number> = { sgd: 0, momentum: 1, rmsprop: 1, adam: 2 };

export interface TrainingBytes {
  /** All variables, trainable or not. */
  variables: number;
  /** One gradient per trainable variable. */
  gradients: number;
  /** Optimizer slots (momentum, Adam's two moments). */
  optimizer: number;
  /** Endpoint outputs for the batch, kept for the backward pass, plus their gradients. */
  activations: number;
  total: number;
}

/** Estimates training bytes for `batchSize` examples per step; an unknown output shape counts as 0. */
export function estimateTrainingBytes(analysis: Analysis, batchSize: number, optimizer: OptimizerName = 'adam'): TrainingBytes {
  let variables = 0;
  let trainableBytes = 0;
  for (const variable of analysis.variables) {
    variables += variable.bytes;
    if (variable.trainable) trainableBytes += variable.bytes;
  }

  let activationValues = 0;
  for (const id of analysis.order) {
    for (const shape of Object.values(analysis.nodes[id].outputs)) {
      if (shape) activationValues += shape.reduce((total, dimension) => total * dimension, 1);
    }
  }
  const activations = activationValues * batchSize * BYTES_PER_FLOAT32 * 2;
  const gradients = trainableBytes;
  const optimizerBytes = trainableBytes * OPTIMIZER_SLOTS[optimizer];
  return { variables, gradients, optimizer: optimizerBytes, activations, total: variables + gradients + optimizerBytes + activations };
}
