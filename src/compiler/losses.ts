/**
 * Loss nodes as tf ops, following TF1's `tf.losses` with its default reduction
 * `SUM_BY_NONZERO_WEIGHTS`: with a scalar weight, the mean over all elements times the weight.
 */
import * as tf from '@tensorflow/tfjs';
import { CompileError } from './errors';

/** Computes one loss from its input tensors (by input handle) and its `weight` parameter. */
export type LossFunction = (inputs: Record<string, tf.Tensor>, weight: number) => tf.Scalar;

const mean = (values: tf.Tensor, weight: number): tf.Scalar => values.mean().mul(weight);

/** `tf.losses.softmax_cross_entropy`: logits [..., classes], one-hot labels of the same shape. */
const softmaxCrossEntropy: LossFunction = (inputs, weight) =>
  tf.losses.softmaxCrossEntropy(inputs.labels, inputs.logits, weight, 0, tf.Reduction.SUM_BY_NONZERO_WEIGHTS) as tf.Scalar;

/** `tf.losses.sparse_softmax_cross_entropy`: integer labels with one dimension fewer than the logits. */
const sparseSoftmaxCrossEntropy: LossFunction = (inputs, weight) => {
  const classes = inputs.logits.shape[inputs.logits.rank - 1];
  const oneHot = tf.oneHot(inputs.labels.toInt(), classes);
  return softmaxCrossEntropy({ logits: inputs.logits, labels: oneHot }, weight);
};

/** `tf.losses.sigmoid_cross_entropy`: element-wise, labels in [0, 1] with the logits' shape. */
const sigmoidCrossEntropy: LossFunction = (inputs, weight) =>
  tf.losses.sigmoidCrossEntropy(inputs.labels, inputs.logits, weight, 0, tf.Reduction.SUM_BY_NONZERO_WEIGHTS) as tf.Scalar;

/** `tf.losses.mean_squared_error`. */
const meanSquaredError: LossFunction = (inputs, weight) => mean(tf.squaredDifference(inputs.predictions, inputs.labels), weight);

/**
 * `tf.contrib.seq2seq.sequence_loss` with its defaults (average across timesteps and batch):
 * `sum(crossent · weights) / sum(weights)`, where the weights default to ones.
 */
const sequenceLoss: LossFunction = (inputs, weight) => {
  const logits = inputs.logits;
  const classes = logits.shape[logits.rank - 1];
  const targets = tf.oneHot(inputs.targets.toInt(), classes);
  const crossEntropy = tf.losses.softmaxCrossEntropy(targets, logits, undefined, 0, tf.Reduction.NONE);
  const stepWeights = inputs.weights ?? tf.onesLike(crossEntropy);
  const total = crossEntropy.mul(stepWeights).sum();
  return total.div(tf.maximum(stepWeights.sum(), 1e-12)).mul(weight) as tf.Scalar;
};

const LOSSES: Record<string, LossFunction> = {
  SoftmaxCrossEntropy: softmaxCrossEntropy,
  SparseSoftmaxCrossEntropy: sparseSoftmaxCrossEntropy,
  SigmoidCrossEntropy: sigmoidCrossEntropy,
  MeanSquaredError: meanSquaredError,
  SequenceLoss: sequenceLoss,
};

export function isLossType(type: string): boolean {
  return Object.hasOwn(LOSSES, type);
}

export function lossFunction(type: string, path: string): LossFunction {
  const loss = LOSSES[type];
  if (!loss) throw new CompileError('train.compile.unsupportedType', { node: path, type });
  return loss;
}
