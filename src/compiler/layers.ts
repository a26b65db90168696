/**
 * tfjs layers for one graph node. A fused Conv2D or Dense becomes up to three tfjs layers (linear,
 * batch norm, activation) so that its `preactivation` and `batchnorm` endpoints are real tensors. The
 * same `NodeLayers` works on concrete tensors (training) and on symbolic tensors (the functional model).
 */
import * as tf from '@tensorflow/tfjs';
import type { Params } from '../graph/types';
import { CompileError } from './errors';
import { parseInitializerOrThrow, toTfInitializer, type TfInitializer } from './weights';

/** A concrete tensor while training, a symbolic one while building the functional model. */
export type AnyTensor = tf.Tensor | tf.SymbolicTensor;

/** Reads one TF variable from the tfjs weights behind it. */
export interface VariableBinding {
  weights: tf.LayerVariable[];
  read(): tf.Tensor;
}

export interface NodeLayers {
  layers: tf.layers.Layer[];
  /** Runs the node on its inputs (by input handle) and returns its endpoints by name. */
  apply(inputs: Record<string, AnyTensor>, training: boolean): Record<string, AnyTensor>;
  /** The tfjs weights behind each TF short name (`weights`, `BatchNorm/beta`, …); valid once applied. */
  bindVariables(): Map<string, VariableBinding>;
}

export interface LayerContext {
  /** Node path for messages and the base of tfjs layer names. */
  path: string;
  params: Params;
  /** Returns a unique, valid tfjs layer name for `name`. */
  layerName(name: string): string;
  /** Returns the seed of a TF variable's initializer, by short name. */
  seedFor(shortName: string): number;
  /** Endpoints of the node that an edge or a summary reads. */
  tapped: ReadonlySet<string>;
}

type Factory = (context: LayerContext) => NodeLayers;

function call(layer: tf.layers.Layer, input: AnyTensor | AnyTensor[], training: boolean): AnyTensor | AnyTensor[] {
  const symbolic = input instanceof tf.SymbolicTensor || (Array.isArray(input) && input[0] instanceof tf.SymbolicTensor);
  return layer.apply(input as tf.Tensor, symbolic ? {} : { training }) as AnyTensor | AnyTensor[];
}

function single(layer: tf.layers.Layer, input: AnyTensor, training: boolean): AnyTensor {
  return call(layer, input, training) as AnyTensor;
}

function weightBySuffix(layer: tf.layers.Layer, suffix: string): tf.LayerVariable {
  const found = layer.weights.find((w) => w.originalName.endsWith(`/${suffix}`) || w.originalName === suffix);
  if (!found) throw new Error(`tfjs layer ${layer.name} has no weight ${suffix}`);
  return found;
}

function binding(weight: tf.LayerVariable): VariableBinding {
  return { weights: [weight], read: () => weight.read() };
}

function initializer(context: LayerContext, param: string, shortName: string): TfInitializer {
  const text = String(context.params[param]);
  return toTfInitializer(parseInitializerOrThrow(text, { node: context.path, param }), context.seedFor(shortName));
}

/** Layers that need only their input and no variables. */
function stateless(make: (context: LayerContext) => tf.layers.Layer): Factory {
  return (context) => {
    const layer = make(context);
    return {
      layers: [layer],
      apply: (inputs, training) => ({ output: single(layer, inputs.input, training) }),
      bindVariables: () => new Map(),
    };
  };
}

function batchNormLayer(context: LayerContext, name: string, prefix: 'normalizer' | ''): tf.layers.Layer {
  const key = (base: string) => (prefix ? prefix + base[0].toUpperCase() + base.slice(1) : base);
  return tf.layers.batchNormalization({
    name,
    axis: -1,
    momentum: Number(context.params[key('decay')]),
    epsilon: Number(context.params[key('epsilon')]),
    center: context.params[key('center')] !== false,
    scale: context.params[key('scale')] === true,
    trainable: context.params.trainable !== false,
  });
}

function bindBatchNorm(bindings: Map<string, VariableBinding>, layer: tf.layers.Layer, prefix: string, params: { center: boolean; scale: boolean }): void {
  if (params.center) bindings.set(`${prefix}beta`, binding(weightBySuffix(layer, 'beta')));
  if (params.scale) bindings.set(`${prefix}gamma`, binding(weightBySuffix(layer, 'gamma')));
  bindings.set(`${prefix}moving_mean`, binding(weightBySuffix(layer, 'moving_mean')));
  bindings.set(`${prefix}moving_variance`, binding(weightBySuffix(layer, 'moving_variance')));
}

/**
 * Conv2D and Dense: linear layer, optional batch norm (which replaces the biases, as in TF-Slim),
 * optional activation. Without batch norm and without a tap on `preactivation`, the activation stays
 * inside the linear layer, so tfjs can use its fused kernels; tfjs 4.22 trains a separate linear
 * convolution through `FusedConv2D`, whose gradient also computes the input gradient that the first
 * layer never needs.
 */
function fused(makeLinear: (context: LayerContext, useBias: boolean, activation: string) => tf.layers.Layer): Factory {
  return (context) => {
    const { params } = context;
    const normalized = params.normalizer === 'batch_norm';
    const useBias = params.useBias !== false && !normalized;
    const activationName = String(params.activation);
    const split = normalized || context.tapped.has('preactivation');
    const linear = makeLinear(context, useBias, split ? 'linear' : activationName);
    const norm = normalized ? batchNormLayer(context, context.layerName(`${context.path}/BatchNorm`), 'normalizer') : null;
    const activation =
      !split || activationName === 'linear'
        ? null
        : tf.layers.activation({ name: context.layerName(`${context.path}/${activationName}`), activation: activationName as 'relu' });
    const layers = [linear, norm, activation].filter((layer): layer is tf.layers.Layer => layer !== null);

    return {
      layers,
      apply: (inputs, training) => {
        const endpoints: Record<string, AnyTensor> = {};
        let x = single(linear, inputs.input, training);
        if (norm) {
          x = single(norm, x, training);
          endpoints.batchnorm = x;
        }
        if (activation) {
          endpoints.preactivation = x;
          x = single(activation, x, training);
        }
        endpoints.output = x;
        return endpoints;
      },
      bindVariables: () => {
        const bindings = new Map<string, VariableBinding>();
        bindings.set('weights', binding(weightBySuffix(linear, 'kernel')));
        if (useBias) bindings.set('biases', binding(weightBySuffix(linear, 'bias')));
        if (norm) {
          bindBatchNorm(bindings, norm, 'BatchNorm/', {
            center: params.normalizerCenter !== false,
            scale: params.normalizerScale === true,
          });
        }
        return bindings;
      },
    };
  };
}

function pair(value: unknown): [number, number] {
  if (typeof value === 'number') return [value, value];
  const list = value as number[];
  return [list[0], list.length > 1 ? list[1] : list[0]];
}

const conv2d = fused((context, useBias, activation) =>
  tf.layers.conv2d({
    name: context.layerName(context.path),
    activation: activation as 'relu',
    filters: Number(context.params.filters),
    kernelSize: pair(context.params.kernelSize),
    strides: pair(context.params.strides),
    padding: context.params.padding === 'valid' ? 'valid' : 'same',
    useBias,
    kernelInitializer: initializer(context, 'weightsInitializer', 'weights'),
    biasInitializer: useBias ? initializer(context, 'biasesInitializer', 'biases') : undefined,
    trainable: context.params.trainable !== false,
  }),
);

const dense = fused((context, useBias, activation) =>
  tf.layers.dense({
    name: context.layerName(context.path),
    activation: activation as 'relu',
    units: Number(context.params.units),
    useBias,
    kernelInitializer: initializer(context, 'weightsInitializer', 'weights'),
    biasInitializer: useBias ? initializer(context, 'biasesInitializer', 'biases') : undefined,
    trainable: context.params.trainable !== false,
  }),
);

function pool(kind: 'max' | 'avg'): Factory {
  return stateless((context) => {
    const config = {
      name: context.layerName(context.path),
      poolSize: pair(context.params.poolSize),
      strides: pair(context.params.strides),
      padding: (context.params.padding === 'same' ? 'same' : 'valid') as 'same' | 'valid',
    };
    return kind === 'max' ? tf.layers.maxPooling2d(config) : tf.layers.averagePooling2d(config);
  });
}

const batchNorm: Factory = (context) => {
  const layer = batchNormLayer(context, context.layerName(context.path), '');
  return {
    layers: [layer],
    apply: (inputs, training) => ({ output: single(layer, inputs.input, training) }),
    bindVariables: () => {
      const bindings = new Map<string, VariableBinding>();
      bindBatchNorm(bindings, layer, '', { center: context.params.center !== false, scale: context.params.scale === true });
      return bindings;
    },
  };
};

/**
 * TF1's BasicRNNCell keeps one kernel over the concatenated [input, state]; tfjs's SimpleRNN keeps an
 * input kernel and a recurrent kernel. The TF kernel reads as both stacked, which computes the same
 * product. NOTE: tfjs initializes the two parts separately, so fan-based initializers see slightly
 * different fans than TF's single kernel.
 */
const simpleRnn: Factory = (context) => {
  const weightsInit = initializer(context, 'weightsInitializer', 'basic_rnn_cell/kernel');
  const layer = tf.layers.simpleRNN({
    name: context.layerName(context.path),
    units: Number(context.params.units),
    activation: String(context.params.activation) as 'tanh',
    returnSequences: context.params.returnSequences !== false,
    returnState: true,
    kernelInitializer: weightsInit,
    recurrentInitializer: weightsInit,
    biasInitializer: 'zeros',
    trainable: context.params.trainable !== false,
  });
  return {
    layers: [layer],
    apply: (inputs, training) => {
      const [output, state] = call(layer, inputs.input, training) as AnyTensor[];
      return { output, state };
    },
    bindVariables: () => {
      const kernel = weightBySuffix(layer, 'kernel');
      const recurrent = weightBySuffix(layer, 'recurrent_kernel');
      const bias = weightBySuffix(layer, 'bias');
      return new Map<string, VariableBinding>([
        ['basic_rnn_cell/kernel', { weights: [kernel, recurrent], read: () => tf.concat([kernel.read(), recurrent.read()], 0) }],
        ['basic_rnn_cell/bias', binding(bias)],
      ]);
    },
  };
};

const FACTORIES: Record<string, Factory> = {
  Conv2D: conv2d,
  Dense: dense,
  MaxPool2D: pool('max'),
  AvgPool2D: pool('avg'),
  Flatten: stateless((context) => tf.layers.flatten({ name: context.layerName(context.path) })),
  Dropout: stateless((context) => tf.layers.dropout({ name: context.layerName(context.path), rate: Number(context.params.rate) })),
  Activation: stateless((context) =>
    tf.layers.activation({ name: context.layerName(context.path), activation: String(context.params.activation) as 'relu' }),
  ),
  BatchNorm: batchNorm,
  SimpleRNN: simpleRnn,
};

/** True for catalogue types that compile to tfjs layers (not inputs, losses or summaries). */
export function hasLayers(type: string): boolean {
  return Object.hasOwn(FACTORIES, type);
}

export function createNodeLayers(type: string, context: LayerContext): NodeLayers {
  const factory = FACTORIES[type];
  if (!factory) throw new CompileError('train.compile.unsupportedType', { node: context.path, type });
  return factory(context);
}
