/**
 * Initializers and regularizers: from the graph's parsed parameter text to tfjs initializers and to
 * regularization-loss tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { parseInitializer, type Initializer } from '../graph/initializers';
import { isProblem, parseRegularizer, regularizerOpName, type Regularizer } from '../graph/regularizers';
import { CompileError } from './errors';

/** tfjs-layers' `Initializer` class, which the public namespace does not export as a type. */
export type TfInitializer = ReturnType<typeof tf.initializers.zeros>;

/** Context for error messages: the layer's path and the parameter holding the text. */
export interface WeightContext {
  node: string;
  param: string;
}

/** Parses initializer text; malformed text raises a `CompileError` that names the node and parameter. */
export function parseInitializerOrThrow(text: string, context: WeightContext): Initializer {
  const parsed = parseInitializer(text, context);
  if (isProblem(parsed)) throw CompileError.fromProblem(parsed);
  return parsed;
}

/** Parses regularizer text; malformed text raises a `CompileError`, never a silent `none`. */
export function parseRegularizerOrThrow(text: string, context: WeightContext): Regularizer {
  const parsed = parseRegularizer(text, context);
  if (isProblem(parsed)) throw CompileError.fromProblem(parsed);
  return parsed;
}

/**
 * The tfjs initializer for a parsed initializer. tfjs computes fan_in and fan_out like TF: for a kernel
 * [kh, kw, in, out], fan_in = kh·kw·in and fan_out = kh·kw·out. `seed` makes the values reproducible.
 */
export function toTfInitializer(initializer: Initializer, seed: number): TfInitializer {
  const { args } = initializer;
  switch (initializer.kind) {
    case 'zeros':
      return tf.initializers.zeros();
    case 'ones':
      return tf.initializers.ones();
    case 'constant':
      return tf.initializers.constant({ value: args.value });
    case 'xavier_uniform':
      return tf.initializers.glorotUniform({ seed });
    case 'xavier_normal':
      return tf.initializers.glorotNormal({ seed });
    case 'he_normal':
      return tf.initializers.heNormal({ seed });
    case 'he_uniform':
      return tf.initializers.heUniform({ seed });
    case 'truncated_normal':
      return tf.initializers.truncatedNormal({ mean: args.mean, stddev: args.stddev, seed });
  }
}

/** `l1 · sum(|w|) + l2 · sum(w²)`; TF1's `l2_regularizer(s)` arrives here as `l2 = s / 2`. */
export function regularizationLoss(regularizer: Regularizer, weights: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    let loss: tf.Scalar = tf.scalar(0);
    if (regularizer.l1 > 0) loss = loss.add(weights.abs().sum().mul(regularizer.l1));
    if (regularizer.l2 > 0) loss = loss.add(weights.square().sum().mul(regularizer.l2));
    return loss;
  });
}

/** TF1's op path of a regularization loss: `<variable>/Regularizer/<op>`, for example `fc1/weights/Regularizer/l2`. */
export function regularizationTag(variableBaseName: string, regularizer: Regularizer): string {
  return `${variableBaseName}/Regularizer/${regularizerOpName(regularizer.kind)}`;
}
