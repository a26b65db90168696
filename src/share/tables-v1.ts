/**
 * Frozen tables of link format 1. A link stores an index into these tables instead of the string, so
 * they must never change once links exist: append-only edits need a new format version. A string
 * missing from a table is stored literally, so new layer types and parameters need no new version.
 */
import type { TrainingConfig } from '../graph/types';

export const LAYER_TYPES_V1: readonly string[] = [
  'MnistInput',
  'Input',
  'Conv2D',
  'MaxPool2D',
  'AvgPool2D',
  'Dense',
  'Flatten',
  'Dropout',
  'BatchNorm',
  'Activation',
  'SimpleRNN',
  'SoftmaxCrossEntropy',
  'SparseSoftmaxCrossEntropy',
  'SigmoidCrossEntropy',
  'MeanSquaredError',
  'SequenceLoss',
  'ScalarSummary',
  'HistogramSummary',
  'ImageSummary',
  'LSTM',
  'GRU',
  'Embedding',
  'Add',
  'Concatenate',
  'Multiply',
  'Reshape',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
  'Conv2DTranspose',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'ZeroPadding2D',
  'UpSampling2D',
  'LayerNorm',
];

export const PARAM_KEYS_V1: readonly string[] = [
  'labels',
  'shape',
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'activation',
  'useBias',
  'weightsInitializer',
  'biasesInitializer',
  'weightsRegularizer',
  'biasesRegularizer',
  'normalizer',
  'normalizerDecay',
  'normalizerEpsilon',
  'normalizerCenter',
  'normalizerScale',
  'trainable',
  'variablesCollections',
  'normalizerCollections',
  'poolSize',
  'units',
  'rate',
  'decay',
  'epsilon',
  'center',
  'scale',
  'returnSequences',
  'weight',
  'variable',
  'maxOutputs',
  'outputsCollections',
  'dilationRate',
  'depthMultiplier',
  'targetShape',
  'axis',
  'inputDim',
  'outputDim',
  'size',
  'bins',
];

/** Endpoint (source handle) and input (target handle) names. */
export const HANDLES_V1: readonly string[] = [
  'output',
  'input',
  'images',
  'labels',
  'logits',
  'predictions',
  'targets',
  'weights',
  'preactivation',
  'batchnorm',
  'state',
];

/** String parameter values and arg_scope values that recur in most models. */
export const PARAM_STRINGS_V1: readonly string[] = [
  'relu',
  'linear',
  'softmax',
  'sigmoid',
  'tanh',
  'elu',
  'same',
  'valid',
  'one_hot',
  'sparse',
  'none',
  'batch_norm',
  'xavier_uniform',
  'xavier_normal',
  'he_normal',
  'he_uniform',
  'truncated_normal',
  'zeros',
  'ones',
  'constant',
];

export const OPTIMIZERS_V1 = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;

/**
 * Training settings that format 1 leaves out of a link: a field equal to this default costs one bit.
 * Frozen with the format, independent of the defaults a new document gets in the app.
 */
export const TRAINING_DEFAULTS_V1: Readonly<TrainingConfig> = {
  optimizer: 'adam',
  learningRate: 0.001,
  batchSize: 64,
  epochs: 1,
  addRegularizationLosses: true,
  summaryEvery: 20,
  seed: 42,
};
