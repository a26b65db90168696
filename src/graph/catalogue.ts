/**
 * The layer catalogue: one entry per layer type, as data. It drives the palette, the inspector, the
 * compiler and code export. Each entry states its parameters, inputs, endpoints, a pure shape rule and
 * the variables it creates with their TF-Slim short names.
 *
 * Shapes never include the batch dimension. Loss outputs are scalars (`[]`).
 */
import { GraphKeys, type GraphKey } from './graph-keys';
import type { MaybeShape, ParamValue, Params, Shape } from './types';

export type LayerCategory = 'input' | 'layer' | 'activation' | 'loss' | 'summary';

export type ParamKind = 'int' | 'float' | 'enum' | 'bool' | 'ints' | 'string';

/** Content type of a `string` parameter, so that it can be validated and edited with the right control. */
export type StringFormat = 'initializer' | 'regularizer' | 'collections' | 'variable';

export interface ParamSpec {
  /** Key in `LayerNode.params` and in arg_scope entries. */
  name: string;
  /** The TF1 / TF-Slim argument name, shown next to the value and used by code export. */
  tfName: string;
  kind: ParamKind;
  default: ParamValue;
  /** Allowed values of an `enum`. */
  options?: readonly string[];
  /** Inclusive bounds of an `int` or `float`, and of every item of `ints`. */
  min?: number;
  max?: number;
  /** True when `max` itself is not allowed (a dropout rate of 1 would drop everything). */
  maxExclusive?: boolean;
  /** Number of items of an `ints` value; a single number is accepted and repeated. */
  length?: number;
  /** Fewest items of an `ints` value without a fixed `length`; 1 unless set. */
  minLength?: number;
  /** For `string` parameters: what the text contains. */
  format?: StringFormat;
  /** The parameter only matters when another parameter has one of these values (for the inspector). */
  relevantWhen?: { param: string; values: readonly ParamValue[] };
}

export interface InputSpec {
  /** Handle name, matched by `DocEdge.targetHandle`. */
  name: string;
  optional?: boolean;
}

/** Fix that a shape diagnostic suggests. Each one has the message `graph.shape.<fix>`. */
export type ShapeFix =
  | 'needImage'
  | 'needVector'
  | 'needSequence'
  | 'tooSmall'
  | 'sameShape'
  | 'sparseLabels'
  | 'sequenceTargets'
  | 'needScalar'
  | 'imageChannels';

export interface ShapeProblem {
  /** The input handle whose shape is wrong. */
  input: string;
  /** The expected shape in shape notation, for example `[height, width, channels]` or `[10]`. */
  expected: string;
  actual: MaybeShape;
  fix: ShapeFix;
  /** For `sameShape`: the input whose shape `expected` is, which must match `input`. */
  otherInput?: string;
  /** For `sameShape`: the units that would make `otherInput` match, the last dimension of `actual`. */
  units?: number;
}

export interface ShapeResult {
  outputs: Record<string, MaybeShape>;
  problems: ShapeProblem[];
}

export interface VariableSpec {
  /** Name inside the layer: `weights`, `biases`, `BatchNorm/gamma`, `basic_rnn_cell/kernel`, … */
  shortName: string;
  shape: Shape;
  trainable: boolean;
  /** Standard collections the variable joins when it is created. */
  collections: GraphKey[];
  /** Initializer text (see initializers.ts). */
  initializer: string;
  /** Regularizer text (see regularizers.ts), when the layer takes one for this variable. */
  regularizer?: string;
  /** The parameter holding the user collections this variable joins. */
  collectionsParam: 'variablesCollections' | 'normalizerCollections';
}

export interface LayerSpec {
  type: string;
  category: LayerCategory;
  /** Base of default names: `conv` gives `conv1`, `conv2`; `flatten` gives `flatten`, `flatten_1`. */
  defaultName: string;
  /** Whether default names count from 1 (`conv1`) or start bare (`flatten`). */
  numberedNames: boolean;
  params: ParamSpec[];
  inputs: InputSpec[];
  /** Endpoint names for the given resolved parameters; the first one is the default edge source. */
  endpoints(params: Params): string[];
  /** Output shape per endpoint from known input shapes and resolved parameters. */
  inferShapes(inputs: Record<string, Shape | undefined>, params: Params): ShapeResult;
  /** Variables the layer creates, in TF creation order. */
  variables(inputs: Record<string, Shape | undefined>, params: Params): VariableSpec[];
  /** Op names under the layer's op path that join UPDATE_OPS (batch-norm moving averages). */
  updateOps(params: Params): string[];
}

export const ACTIVATION_FUNCTIONS = ['relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'linear'] as const;
export type ActivationFunction = (typeof ACTIVATION_FUNCTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Parameter groups shared by several layer types.
// ---------------------------------------------------------------------------------------------

function activationParam(defaultValue: ActivationFunction): ParamSpec {
  return { name: 'activation', tfName: 'activation_fn', kind: 'enum', default: defaultValue, options: ACTIVATION_FUNCTIONS };
}

const BATCH_NORM_ONLY = { param: 'normalizer', values: ['batch_norm'] } as const;

/** TF-Slim `batch_norm` defaults: decay 0.999, epsilon 0.001, center (beta) on, scale (gamma) off. */
function batchNormParams(prefix: '' | 'normalizer'): ParamSpec[] {
  const name = (base: string) => (prefix ? prefix + base[0].toUpperCase() + base.slice(1) : base);
  const relevantWhen = prefix ? BATCH_NORM_ONLY : undefined;
  return [
    { name: name('decay'), tfName: 'decay', kind: 'float', default: 0.999, min: 0, max: 1, relevantWhen },
    { name: name('epsilon'), tfName: 'epsilon', kind: 'float', default: 0.001, min: 0, relevantWhen },
    { name: name('center'), tfName: 'center', kind: 'bool', default: true, relevantWhen },
    { name: name('scale'), tfName: 'scale', kind: 'bool', default: false, relevantWhen },
  ];
}

/** Weights, biases, normalizer and collections parameters of `conv2d` and `fully_connected`. */
const VARIABLE_LAYER_PARAMS: ParamSpec[] = [
  activationParam('relu'),
  { name: 'useBias', tfName: 'biases_initializer', kind: 'bool', default: true },
  {
    name: 'weightsInitializer',
    tfName: 'weights_initializer',
    kind: 'string',
    format: 'initializer',
    default: 'xavier_uniform',
  },
  { name: 'biasesInitializer', tfName: 'biases_initializer', kind: 'string', format: 'initializer', default: 'zeros' },
  { name: 'weightsRegularizer', tfName: 'weights_regularizer', kind: 'string', format: 'regularizer', default: 'none' },
  { name: 'biasesRegularizer', tfName: 'biases_regularizer', kind: 'string', format: 'regularizer', default: 'none' },
  { name: 'normalizer', tfName: 'normalizer_fn', kind: 'enum', default: 'none', options: ['none', 'batch_norm'] },
  ...batchNormParams('normalizer'),
  { name: 'trainable', tfName: 'trainable', kind: 'bool', default: true },
  {
    name: 'variablesCollections',
    tfName: 'variables_collections',
    kind: 'string',
    format: 'collections',
    default: '',
  },
  {
    name: 'normalizerCollections',
    tfName: 'normalizer_params.variables_collections',
    kind: 'string',
    format: 'collections',
    default: '',
    relevantWhen: BATCH_NORM_ONLY,
  },
];

const PADDING: ParamSpec = { name: 'padding', tfName: 'padding', kind: 'enum', default: 'same', options: ['same', 'valid'] };

// ---------------------------------------------------------------------------------------------
// Shape helpers.
// ---------------------------------------------------------------------------------------------

function ok(outputs: Record<string, MaybeShape>): ShapeResult {
  return { outputs, problems: [] };
}

function failed(endpoints: string[], problem: ShapeProblem): ShapeResult {
  return { outputs: Object.fromEntries(endpoints.map((name) => [name, null])), problems: [problem] };
}

function sameShapeEverywhere(endpoints: string[], shape: Shape): ShapeResult {
  return ok(Object.fromEntries(endpoints.map((name) => [name, shape])));
}

function pair(value: ParamValue): [number, number] {
  if (typeof value === 'number') return [value, value];
  const list = value as number[];
  return [list[0], list.length > 1 ? list[1] : list[0]];
}

/** TF's output size of a convolution or pooling window: SAME = ceil(n / s), VALID = ceil((n - k + 1) / s). */
export function windowOutputSize(size: number, kernel: number, stride: number, padding: string): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.ceil((size - kernel + 1) / stride);
}

function windowShapes(input: Shape, params: Params, kernelParam: string, channels: number): Shape | 'tooSmall' {
  const [kh, kw] = pair(params[kernelParam]);
  const [sh, sw] = pair(params.strides);
  const height = windowOutputSize(input[0], kh, sh, String(params.padding));
  const width = windowOutputSize(input[1], kw, sw, String(params.padding));
  if (height < 1 || width < 1) return 'tooSmall';
  return [height, width, channels];
}

function product(shape: Shape): number {
  return shape.reduce((total, dimension) => total * dimension, 1);
}

function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dimension, index) => dimension === b[index]);
}

const IMAGE_LAYOUT = '[height, width, channels]';

function fusedEndpoints(params: Params): string[] {
  const endpoints = ['output'];
  if (params.activation !== 'linear') endpoints.push('preactivation');
  if (params.normalizer === 'batch_norm') endpoints.push('batchnorm');
  return endpoints;
}

function standardCollections(trainable: boolean, ...extra: GraphKey[]): GraphKey[] {
  const keys: GraphKey[] = [GraphKeys.GLOBAL_VARIABLES, GraphKeys.MODEL_VARIABLES];
  if (trainable) keys.push(GraphKeys.TRAINABLE_VARIABLES);
  return [...keys, ...extra];
}

/**
 * Batch-norm variables with TF-Slim's names: beta (center), gamma (scale), then the non-trainable
 * moving statistics, which also join MOVING_AVERAGE_VARIABLES.
 */
function batchNormVariables(
  prefix: string,
  channels: number,
  options: { center: boolean; scale: boolean; trainable: boolean },
  collectionsParam: VariableSpec['collectionsParam'],
): VariableSpec[] {
  const variables: VariableSpec[] = [];
  const trainableKeys = standardCollections(options.trainable);
  if (options.center) {
    variables.push({ shortName: `${prefix}beta`, shape: [channels], trainable: options.trainable, collections: trainableKeys, initializer: 'zeros', collectionsParam });
  }
  if (options.scale) {
    variables.push({ shortName: `${prefix}gamma`, shape: [channels], trainable: options.trainable, collections: trainableKeys, initializer: 'ones', collectionsParam });
  }
  const movingKeys = standardCollections(false, GraphKeys.MOVING_AVERAGE_VARIABLES);
  variables.push(
    { shortName: `${prefix}moving_mean`, shape: [channels], trainable: false, collections: movingKeys, initializer: 'zeros', collectionsParam },
    { shortName: `${prefix}moving_variance`, shape: [channels], trainable: false, collections: movingKeys, initializer: 'ones', collectionsParam },
  );
  return variables;
}

/** Weights, biases (unless a normalizer replaces them, as in TF-Slim) and fused batch-norm variables. */
function layerVariables(weightsShape: Shape, outputs: number, params: Params): VariableSpec[] {
  const trainable = params.trainable !== false;
  const normalized = params.normalizer === 'batch_norm';
  const variables: VariableSpec[] = [
    {
      shortName: 'weights',
      shape: weightsShape,
      trainable,
      collections: standardCollections(trainable, GraphKeys.WEIGHTS),
      initializer: String(params.weightsInitializer),
      regularizer: String(params.weightsRegularizer),
      collectionsParam: 'variablesCollections',
    },
  ];
  if (params.useBias !== false && !normalized) {
    variables.push({
      shortName: 'biases',
      shape: [outputs],
      trainable,
      collections: standardCollections(trainable, GraphKeys.BIASES),
      initializer: String(params.biasesInitializer),
      regularizer: String(params.biasesRegularizer),
      collectionsParam: 'variablesCollections',
    });
  }
  if (normalized) {
    const options = { center: params.normalizerCenter !== false, scale: params.normalizerScale === true, trainable };
    variables.push(...batchNormVariables('BatchNorm/', outputs, options, 'normalizerCollections'));
  }
  return variables;
}

const noVariables = () => [];
const noUpdateOps = () => [];
const fusedUpdateOps = (params: Params) =>
  params.normalizer === 'batch_norm' ? ['BatchNorm/AssignMovingAvg', 'BatchNorm/AssignMovingAvg_1'] : [];

// ---------------------------------------------------------------------------------------------
// Layer types.
// ---------------------------------------------------------------------------------------------

const mnistInput: LayerSpec = {
  type: 'MnistInput',
  category: 'input',
  defaultName: 'mnist',
  numberedNames: false,
  params: [{ name: 'labels', tfName: 'labels', kind: 'enum', default: 'one_hot', options: ['one_hot', 'sparse'] }],
  inputs: [],
  endpoints: () => ['images', 'labels'],
  inferShapes: (_inputs, params) => ok({ images: [28, 28, 1], labels: params.labels === 'sparse' ? [] : [10] }),
  variables: noVariables,
  updateOps: noUpdateOps,
};

const input: LayerSpec = {
  type: 'Input',
  category: 'input',
  defaultName: 'input',
  numberedNames: false,
  params: [{ name: 'shape', tfName: 'shape', kind: 'ints', default: [28, 28, 1], min: 1, minLength: 0 }],
  inputs: [],
  endpoints: () => ['output'],
  inferShapes: (_inputs, params) => ok({ output: [...(params.shape as number[])] }),
  variables: noVariables,
  updateOps: noUpdateOps,
};

const conv2d: LayerSpec = {
  type: 'Conv2D',
  category: 'layer',
  defaultName: 'conv',
  numberedNames: true,
  params: [
    { name: 'filters', tfName: 'num_outputs', kind: 'int', default: 32, min: 1 },
    { name: 'kernelSize', tfName: 'kernel_size', kind: 'ints', default: [3, 3], length: 2, min: 1 },
    { name: 'strides', tfName: 'stride', kind: 'ints', default: [1, 1], length: 2, min: 1 },
    PADDING,
    ...VARIABLE_LAYER_PARAMS,
  ],
  inputs: [{ name: 'input' }],
  endpoints: fusedEndpoints,
  inferShapes: (inputs, params) => {
    const shape = inputs.input!;
    const endpoints = fusedEndpoints(params);
    if (shape.length !== 3) return failed(endpoints, { input: 'input', expected: IMAGE_LAYOUT, actual: shape, fix: 'needImage' });
    const output = windowShapes(shape, params, 'kernelSize', params.filters as number);
    if (output === 'tooSmall') {
      const [kh, kw] = pair(params.kernelSize);
      return failed(endpoints, { input: 'input', expected: `[>=${kh}, >=${kw}, channels]`, actual: shape, fix: 'tooSmall' });
    }
    return sameShapeEverywhere(endpoints, output);
  },
  variables: (inputs, params) => {
    const [kh, kw] = pair(params.kernelSize);
    const filters = params.filters as number;
    return layerVariables([kh, kw, inputs.input![2], filters], filters, params);
  },
  updateOps: fusedUpdateOps,
};

function poolSpec(type: 'MaxPool2D' | 'AvgPool2D'): LayerSpec {
  return {
    type,
    category: 'layer',
    defaultName: 'pool',
    numberedNames: true,
    params: [
      { name: 'poolSize', tfName: 'kernel_size', kind: 'ints', default: [2, 2], length: 2, min: 1 },
      { name: 'strides', tfName: 'stride', kind: 'ints', default: [2, 2], length: 2, min: 1 },
      { ...PADDING, default: 'valid' },
    ],
    inputs: [{ name: 'input' }],
    endpoints: () => ['output'],
    inferShapes: (inputs, params) => {
      const shape = inputs.input!;
      if (shape.length !== 3) return failed(['output'], { input: 'input', expected: IMAGE_LAYOUT, actual: shape, fix: 'needImage' });
      const output = windowShapes(shape, params, 'poolSize', shape[2]);
      if (output === 'tooSmall') {
        const [kh, kw] = pair(params.poolSize);
        return failed(['output'], { input: 'input', expected: `[>=${kh}, >=${kw}, channels]`, actual: shape, fix: 'tooSmall' });
      }
      return ok({ output });
    },
    variables: noVariables,
    updateOps: noUpdateOps,
  };
}

const dense: LayerSpec = {
  type: 'Dense',
  category: 'layer',
  defaultName: 'fc',
  numberedNames: true,
  params: [{ name: 'units', tfName: 'num_outputs', kind: 'int', default: 128, min: 1 }, ...VARIABLE_LAYER_PARAMS],
  inputs: [{ name: 'input' }],
  endpoints: fusedEndpoints,
  // Like TF-Slim's fully_connected, Dense acts on the last dimension and keeps the others.
  inferShapes: (inputs, params) => {
    const shape = inputs.input!;
    const endpoints = fusedEndpoints(params);
    if (shape.length < 1) return failed(endpoints, { input: 'input', expected: '[features]', actual: shape, fix: 'needVector' });
    return sameShapeEverywhere(endpoints, [...shape.slice(0, -1), params.units as number]);
  },
  variables: (inputs, params) => {
    const shape = inputs.input!;
    const units = params.units as number;
    return layerVariables([shape[shape.length - 1], units], units, params);
  },
  updateOps: fusedUpdateOps,
};

const flatten: LayerSpec = {
  type: 'Flatten',
  category: 'layer',
  defaultName: 'flatten',
  numberedNames: false,
  params: [],
  inputs: [{ name: 'input' }],
  endpoints: () => ['output'],
  inferShapes: (inputs) => ok({ output: [product(inputs.input!)] }),
  variables: noVariables,
  updateOps: noUpdateOps,
};

const dropout: LayerSpec = {
  type: 'Dropout',
  category: 'layer',
  defaultName: 'dropout',
  numberedNames: false,
  params: [{ name: 'rate', tfName: 'rate', kind: 'float', default: 0.5, min: 0, max: 1, maxExclusive: true }],
  inputs: [{ name: 'input' }],
  endpoints: () => ['output'],
  inferShapes: (inputs) => ok({ output: inputs.input! }),
  variables: noVariables,
  updateOps: noUpdateOps,
};

const batchNorm: LayerSpec = {
  type: 'BatchNorm',
  category: 'layer',
  defaultName: 'BatchNorm',
  numberedNames: false,
  params: [
    ...batchNormParams(''),
    { name: 'trainable', tfName: 'trainable', kind: 'bool', default: true },
    { name: 'variablesCollections', tfName: 'variables_collections', kind: 'string', format: 'collections', default: '' },
  ],
  inputs: [{ name: 'input' }],
  endpoints: () => ['output'],
  inferShapes: (inputs) => {
    const shape = inputs.input!;
    if (shape.length < 1) return failed(['output'], { input: 'input', expected: '[..., channels]', actual: shape, fix: 'needVector' });
    return ok({ output: shape });
  },
  // A standalone batch_norm layer is its own variable scope, so its variables are `<name>/beta`, ….
  variables: (inputs, params) => {
    const shape = inputs.input!;
    const options = { center: params.center !== false, scale: params.scale === true, trainable: params.trainable !== false };
    return batchNormVariables('', shape[shape.length - 1], options, 'variablesCollections');
  },
  updateOps: () => ['AssignMovingAvg', 'AssignMovingAvg_1'],
};

const activation: LayerSpec = {
  type: 'Activation',
  category: 'activation',
  defaultName: 'activation',
  numberedNames: false,
  params: [{ ...activationParam('relu'), tfName: 'activation' }],
  inputs: [{ name: 'input' }],
  endpoints: () => ['output'],
  inferShapes: (inputs) => ok({ output: inputs.input! }),
  variables: noVariables,
  updateOps: noUpdateOps,
};

/**
 * A TF1 `BasicRNNCell` unrolled over time by `dynamic_rnn`. The cell's one kernel multiplies the
 * concatenated [input, state], so it has shape [features + units, units].
 */
const simpleRnn: LayerSpec = {
  type: 'SimpleRNN',
  category: 'layer',
  defaultName: 'rnn',
  numberedNames: false,
  params: [
    { name: 'units', tfName: 'num_units', kind: 'int', default: 64, min: 1 },
    { ...activationParam('tanh'), tfName: 'activation' },
    { name: 'returnSequences', tfName: 'return_sequences', kind: 'bool', default: true },
    { name: 'weightsInitializer', tfName: 'kernel_initializer', kind: 'string', format: 'initializer', default: 'xavier_uniform' },
    { name: 'trainable', tfName: 'trainable', kind: 'bool', default: true },
    { name: 'variablesCollections', tfName: 'variables_collections', kind: 'string', format: 'collections', default: '' },
  ],
  inputs: [{ name: 'input' }],
  endpoints: () => ['output', 'state'],
  inferShapes: (inputs, params) => {
    const shape = inputs.input!;
    const units = params.units as number;
    if (shape.length !== 2) return failed(['output', 'state'], { input: 'input', expected: '[time, features]', actual: shape, fix: 'needSequence' });
    return ok({ output: params.returnSequences === false ? [units] : [shape[0], units], state: [units] });
  },
  variables: (inputs, params) => {
    const units = params.units as number;
    const trainable = params.trainable !== false;
    const keys: GraphKey[] = trainable ? [GraphKeys.GLOBAL_VARIABLES, GraphKeys.TRAINABLE_VARIABLES] : [GraphKeys.GLOBAL_VARIABLES];
    return [
      { shortName: 'basic_rnn_cell/kernel', shape: [inputs.input![1] + units, units], trainable, collections: [...keys, GraphKeys.WEIGHTS], initializer: String(params.weightsInitializer), collectionsParam: 'variablesCollections' },
      { shortName: 'basic_rnn_cell/bias', shape: [units], trainable, collections: [...keys, GraphKeys.BIASES], initializer: 'zeros', collectionsParam: 'variablesCollections' },
    ];
  },
  updateOps: noUpdateOps,
};

// ---------------------------------------------------------------------------------------------
// Losses. Each adds its scalar to LOSSES; `weight` scales it as the `weights` argument of tf.losses.
// ---------------------------------------------------------------------------------------------

const LOSS_WEIGHT: ParamSpec = { name: 'weight', tfName: 'weights', kind: 'float', default: 1, min: 0 };

function lossSpec(
  type: string,
  inputs: InputSpec[],
  check: (inputs: Record<string, Shape | undefined>) => ShapeProblem | null,
): LayerSpec {
  return {
    type,
    category: 'loss',
    defaultName: 'loss',
    numberedNames: false,
    params: [LOSS_WEIGHT],
    inputs,
    endpoints: () => ['output'],
    inferShapes: (shapes) => {
      const problem = check(shapes);
      return problem ? failed(['output'], problem) : ok({ output: [] });
    },
    variables: noVariables,
    updateOps: noUpdateOps,
  };
}

/** Both inputs must have the same shape (softmax and sigmoid cross-entropy with dense labels, MSE). */
function sameShapeCheck(first: string, second: string) {
  return (shapes: Record<string, Shape | undefined>): ShapeProblem | null => {
    const a = shapes[first]!;
    const b = shapes[second]!;
    if (shapesEqual(a, b)) return null;
    return { input: second, otherInput: first, expected: formatList(a), actual: b, units: b.at(-1), fix: 'sameShape' };
  };
}

function formatList(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

const softmaxCrossEntropy = lossSpec('SoftmaxCrossEntropy', [{ name: 'logits' }, { name: 'labels' }], sameShapeCheck('logits', 'labels'));

const sparseSoftmaxCrossEntropy = lossSpec('SparseSoftmaxCrossEntropy', [{ name: 'logits' }, { name: 'labels' }], (shapes) => {
  const logits = shapes.logits!;
  const labels = shapes.labels!;
  if (logits.length < 1) return { input: 'logits', expected: '[classes]', actual: logits, fix: 'needVector' };
  const expected = logits.slice(0, -1);
  return shapesEqual(labels, expected) ? null : { input: 'labels', expected: formatList(expected), actual: labels, fix: 'sparseLabels' };
});

const sigmoidCrossEntropy = lossSpec('SigmoidCrossEntropy', [{ name: 'logits' }, { name: 'labels' }], sameShapeCheck('logits', 'labels'));

const meanSquaredError = lossSpec('MeanSquaredError', [{ name: 'predictions' }, { name: 'labels' }], sameShapeCheck('predictions', 'labels'));

/** `tf.contrib.seq2seq.sequence_loss`: logits [time, classes], integer targets [time], optional weights [time]. */
const sequenceLoss = lossSpec(
  'SequenceLoss',
  [{ name: 'logits' }, { name: 'targets' }, { name: 'weights', optional: true }],
  (shapes) => {
    const logits = shapes.logits!;
    if (logits.length !== 2) return { input: 'logits', expected: '[time, classes]', actual: logits, fix: 'needSequence' };
    const steps = [logits[0]];
    if (!shapesEqual(shapes.targets!, steps)) return { input: 'targets', expected: formatList(steps), actual: shapes.targets!, fix: 'sequenceTargets' };
    if (shapes.weights && !shapesEqual(shapes.weights, steps)) return { input: 'weights', expected: formatList(steps), actual: shapes.weights, fix: 'sequenceTargets' };
    return null;
  },
);

// ---------------------------------------------------------------------------------------------
// Summaries. Each takes either an edge from any endpoint or a `variable` parameter naming a variable.
// ---------------------------------------------------------------------------------------------

const SUMMARY_VARIABLE: ParamSpec = { name: 'variable', tfName: 'values', kind: 'string', format: 'variable', default: '' };

function summarySpec(
  type: string,
  defaultName: string,
  extraParams: ParamSpec[],
  check: (shape: Shape) => ShapeProblem | null,
): LayerSpec {
  return {
    type,
    category: 'summary',
    defaultName,
    numberedNames: false,
    params: [SUMMARY_VARIABLE, ...extraParams],
    inputs: [{ name: 'input', optional: true }],
    endpoints: () => [],
    inferShapes: (shapes) => {
      const problem = shapes.input ? check(shapes.input) : null;
      return { outputs: {}, problems: problem ? [problem] : [] };
    },
    variables: noVariables,
    updateOps: noUpdateOps,
  };
}

const scalarSummary = summarySpec('ScalarSummary', 'scalar', [], (shape) =>
  shape.length === 0 ? null : { input: 'input', expected: '[]', actual: shape, fix: 'needScalar' },
);

const histogramSummary = summarySpec('HistogramSummary', 'histogram', [], () => null);

/** `tf.summary.image` takes [height, width, channels] per example with 1, 3 or 4 channels. */
const imageSummary = summarySpec(
  'ImageSummary',
  'image',
  [{ name: 'maxOutputs', tfName: 'max_outputs', kind: 'int', default: 3, min: 1, max: 16 }],
  (shape) => {
    const image = shape.length === 4 ? shape.slice(1) : shape;
    if (image.length !== 3) return { input: 'input', expected: IMAGE_LAYOUT, actual: shape, fix: 'needImage' };
    if (![1, 3, 4].includes(image[2])) return { input: 'input', expected: '[height, width, 1 | 3 | 4]', actual: shape, fix: 'imageChannels' };
    return null;
  },
);

export const LAYER_SPECS: readonly LayerSpec[] = [
  mnistInput,
  input,
  conv2d,
  poolSpec('MaxPool2D'),
  poolSpec('AvgPool2D'),
  dense,
  flatten,
  dropout,
  batchNorm,
  activation,
  simpleRnn,
  softmaxCrossEntropy,
  sparseSoftmaxCrossEntropy,
  sigmoidCrossEntropy,
  meanSquaredError,
  sequenceLoss,
  scalarSummary,
  histogramSummary,
  imageSummary,
];

const SPECS_BY_TYPE: ReadonlyMap<string, LayerSpec> = new Map(LAYER_SPECS.map((spec) => [spec.type, spec]));

/** Returns the catalogue entry of `type`, or undefined for a type the catalogue does not know. */
export function getLayerSpec(type: string): LayerSpec | undefined {
  return SPECS_BY_TYPE.get(type);
}

export function getParamSpec(type: string, param: string): ParamSpec | undefined {
  return getLayerSpec(type)?.params.find((spec) => spec.name === param);
}

/** Catalogue defaults of every parameter of `spec`. */
export function defaultParams(spec: LayerSpec): Params {
  return Object.fromEntries(spec.params.map((param) => [param.name, param.default]));
}
