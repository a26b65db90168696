/**
 * Import of a Keras or TensorFlow.js `model.json` topology as a new document. Reads the three
 * layouts in use: tfjs `{ modelTopology: { class_name, config } }`, Keras-converted
 * `{ modelTopology: { model_config: { class_name, config } } }`, and Keras `model.to_json()`
 * `{ class_name, config }`; Sequential and Functional models, with Keras 2 and Keras 3 inbound nodes.
 *
 * A `/` in a layer name becomes scopes: `block1/conv1` is layer `conv1` in variable_scope `block1`.
 * Parameters equal to the catalogue default are left out, as if the user had not set them. Only the
 * topology is read; weights stay in their files.
 */
import { getParamSpec } from '../graph/catalogue';
import { DOCUMENT_VERSION, type DocEdge, type DocNode, type ModelDocument, type Params, type ParamValue } from '../graph/types';
import { fail, shareError, shareText, type Result, type ShareError } from './errors';
import { MAX_NODES } from './limits';
import { TRAINING_DEFAULTS_V1 } from './tables-v1';
import { describeValue, NAME_PATTERN, validateDocument } from './validate';

type Json = Record<string, unknown>;

interface KerasLayer {
  className: string;
  name: string;
  config: Json;
  /** Names of the layers whose outputs feed this one. */
  inbound: string[];
}

/** True when `json` looks like a Keras or tfjs model.json rather than a ScopeFlow document. */
export function isKerasModelJson(json: unknown): boolean {
  return findModelConfig(json) !== null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findModelConfig(json: unknown): { className: string; config: unknown } | null {
  if (!isObject(json)) return null;
  const topology = isObject(json.modelTopology) ? json.modelTopology : json;
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  if (typeof model.class_name !== 'string' || model.config === undefined) return null;
  return { className: model.class_name, config: model.config };
}

function unsupported(key: string, values: Record<string, string | number>): Result<never, ShareError> {
  return fail(shareError('unsupported-topology', {}, shareText(`share.keras.${key}`, values)));
}

export function importKerasTopology(json: unknown, fallbackTitle: string): Result<ModelDocument, ShareError> {
  const model = findModelConfig(json);
  if (!model) return unsupported('notTopology', {});
  const config = model.config;
  const rawLayers = Array.isArray(config) ? config : isObject(config) && Array.isArray(config.layers) ? config.layers : null;
  if (!rawLayers) return unsupported('notTopology', {});
  if (rawLayers.length > MAX_NODES / 2) return unsupported('tooManyLayers', { count: rawLayers.length, max: MAX_NODES / 2 });
  const sequential = model.className === 'Sequential';
  const title = isObject(config) && typeof config.name === 'string' ? config.name : fallbackTitle;

  const layers: KerasLayer[] = [];
  for (const [index, raw] of rawLayers.entries()) {
    if (!isObject(raw) || typeof raw.class_name !== 'string' || !isObject(raw.config)) return unsupported('notTopology', {});
    let name = `layer_${index}`;
    if (typeof raw.config.name === 'string') name = raw.config.name;
    else if (typeof raw.name === 'string') name = raw.name;

    // A Sequential layer takes the previous layer's output; a functional one names its inputs.
    let inbound: string[];
    if (!sequential) inbound = inboundNames(raw.inbound_nodes);
    else if (index > 0) inbound = [layers[index - 1].name];
    else inbound = [];
    layers.push({ className: raw.class_name, name, config: raw.config, inbound });
  }

  // A Sequential model whose first layer carries the input shape gets an explicit input layer.
  if (sequential && layers.length > 0 && layers[0].className !== 'InputLayer') {
    const shape = layers[0].config.batch_input_shape ?? layers[0].config.batch_shape;
    if (Array.isArray(shape)) {
      layers.unshift({ className: 'InputLayer', name: 'input', config: { batch_input_shape: shape }, inbound: [] });
      layers[1].inbound = ['input'];
    }
  }
  return buildDocument(layers, title);
}

/** Reads inbound layer names from Keras 2 (`[[["conv1", 0, 0, {}]]]`) or Keras 3 (`keras_history`). */
function inboundNames(inboundNodes: unknown): string[] {
  if (!Array.isArray(inboundNodes)) return [];
  const names: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8) return;
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string' && typeof value[1] === 'number') names.push(value[0]);
      else for (const item of value) visit(item, depth + 1);
    } else if (isObject(value)) {
      if (isObject(value.config) && Array.isArray(value.config.keras_history)) visit(value.config.keras_history, depth + 1);
      else if (Array.isArray(value.args)) visit(value.args, depth + 1);
    }
  };
  visit(inboundNodes, 0);
  return names;
}

const ACTIVATIONS = new Set(['relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'linear']);
const INITIALIZERS: Record<string, string> = {
  GlorotUniform: 'xavier_uniform',
  GlorotNormal: 'xavier_normal',
  HeNormal: 'he_normal',
  HeUniform: 'he_uniform',
  Zeros: 'zeros',
  Ones: 'ones',
};

interface Converted {
  type: string;
  params: Params;
}

/** Maps one Keras layer to a catalogue type and its parameters, or names what cannot be imported. */
function convertLayer(layer: KerasLayer): Converted | { param: string; value: string } | null {
  const c = layer.config;
  const pair = (value: unknown) => (typeof value === 'number' ? [value, value] : value);
  const params: Record<string, unknown> = {};
  let type: string;
  switch (layer.className) {
    case 'InputLayer': {
      const shape = c.batch_input_shape ?? c.batch_shape;
      type = 'Input';
      params.shape = Array.isArray(shape) ? shape.slice(1) : shape;
      break;
    }
    case 'Conv2D':
      type = 'Conv2D';
      Object.assign(params, { filters: c.filters, kernelSize: pair(c.kernel_size), strides: pair(c.strides), padding: c.padding });
      break;
    case 'MaxPooling2D':
    case 'AveragePooling2D':
      type = layer.className === 'MaxPooling2D' ? 'MaxPool2D' : 'AvgPool2D';
      Object.assign(params, { poolSize: pair(c.pool_size), strides: pair(c.strides ?? c.pool_size), padding: c.padding });
      break;
    case 'Dense':
      type = 'Dense';
      params.units = c.units;
      break;
    case 'Flatten':
      type = 'Flatten';
      break;
    case 'Dropout':
      type = 'Dropout';
      params.rate = c.rate;
      break;
    case 'BatchNormalization':
      type = 'BatchNorm';
      Object.assign(params, { decay: c.momentum, epsilon: c.epsilon, center: c.center, scale: c.scale });
      break;
    case 'Activation':
      type = 'Activation';
      break;
    case 'SimpleRNN':
      type = 'SimpleRNN';
      Object.assign(params, { units: c.units, returnSequences: c.return_sequences });
      break;
    default:
      return null;
  }

  if (c.activation !== undefined) {
    if (typeof c.activation !== 'string' || !ACTIVATIONS.has(c.activation)) {
      return { param: 'activation', value: describeValue(c.activation) };
    }
    params.activation = c.activation;
  }
  if (c.use_bias === false) params.useBias = false;
  const initializer = isObject(c.kernel_initializer) ? INITIALIZERS[String(c.kernel_initializer.class_name)] : undefined;
  if (initializer) params.weightsInitializer = initializer;
  const regularizer = kerasRegularizer(c.kernel_regularizer);
  if (regularizer) params.weightsRegularizer = regularizer;

  const kept: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const spec = getParamSpec(type, key);
    if (!spec) continue;
    if (!isParamValue(value)) return { param: key, value: describeValue(value) };
    if (JSON.stringify(value) !== JSON.stringify(spec.default)) kept[key] = value;
  }
  return { type, params: kept };
}

function isParamValue(value: unknown): value is ParamValue {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

/** Keras `L1`, `L2`, `L1L2` (`{ class_name: "L2", config: { l2: 0.01 } }`) in ScopeFlow's `l2(0.01)` form. */
function kerasRegularizer(value: unknown): string | null {
  if (!isObject(value) || !isObject(value.config)) return null;
  const { l1, l2 } = value.config as { l1?: unknown; l2?: unknown };
  const className = String(value.class_name);
  if (className === 'L2' && typeof l2 === 'number') return `l2(${l2})`;
  if (className === 'L1' && typeof l1 === 'number') return `l1(${l1})`;
  if ((className === 'L1L2' || className === 'L1_L2') && typeof l1 === 'number' && typeof l2 === 'number') {
    return `l1_l2(${l1}, ${l2})`;
  }
  return null;
}

function buildDocument(layers: KerasLayer[], title: string): Result<ModelDocument, ShareError> {
  const nodes: DocNode[] = [];
  const edges: DocEdge[] = [];
  const scopes = new Map<string, string>();
  const layerIds = new Map<string, string>();
  const nextId = () => `k${nodes.length}`;

  const scopeFor = (path: string[]): string | undefined => {
    let parentId: string | undefined;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = path.slice(0, depth).join('/');
      let id = scopes.get(key);
      if (!id) {
        id = nextId();
        scopes.set(key, id);
        nodes.push({
          id,
          kind: 'scope',
          name: path[depth - 1],
          ...(parentId !== undefined ? { parentId } : {}),
          position: { x: 0, y: 0 },
          scopeKind: 'variable_scope',
          reuse: false,
          size: { width: 0, height: 0 },
        });
      }
      parentId = id;
    }
    return parentId;
  };

  for (const layer of layers) {
    const segments = layer.name.split('/').filter((segment) => segment.length > 0);
    if (segments.length === 0 || !segments.every((segment) => NAME_PATTERN.test(segment) && segment.length <= 128)) {
      return unsupported('badName', { layer: layer.name });
    }
    const converted = convertLayer(layer);
    if (converted === null) return unsupported('unsupportedClass', { layer: layer.name, className: layer.className });
    if ('param' in converted) {
      return unsupported('unsupportedValue', { layer: layer.name, param: converted.param, value: converted.value });
    }
    const parentId = scopeFor(segments.slice(0, -1));
    const id = nextId();
    layerIds.set(layer.name, id);
    nodes.push({
      id,
      kind: 'layer',
      name: segments[segments.length - 1],
      ...(parentId !== undefined ? { parentId } : {}),
      position: { x: 0, y: 0 },
      type: converted.type,
      params: converted.params,
    });
  }

  for (const layer of layers) {
    for (const inbound of layer.inbound) {
      const source = layerIds.get(inbound);
      if (!source) return unsupported('missingInbound', { layer: layer.name, inbound });
      edges.push({ id: `ke${edges.length}`, source, target: layerIds.get(layer.name)! });
    }
  }

  return validateDocument({
    version: DOCUMENT_VERSION,
    title: title.slice(0, 256),
    nodes,
    edges,
    collections: [],
    training: { ...TRAINING_DEFAULTS_V1 },
  });
}
