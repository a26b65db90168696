/**
 * Document + analysis → tfjs. Every layer node becomes tfjs layers (shared scopes reuse the same
 * layer objects, so shared variables exist once), the layers form a functional `tf.model`, and
 * `forward` runs the same layers eagerly to return every endpoint and each loss term.
 *
 * Variable names: tfjs names weights after its layers (`conv1/kernel`) and appends `_1` when a name
 * was used before in the same page, so the TF names (`conv1/weights:0`) live in `variables`, the
 * compiler's name table, never in the tfjs weight names.
 */
import * as tf from '@tensorflow/tfjs';
import { getLayerSpec } from '../graph/catalogue';
import { sanitizeName } from '../graph/naming';
import { paramValues } from '../graph/params';
import type { Analysis, LayerNode, ModelDocument, NodeInfo, Params } from '../graph/types';
import { CompileError } from './errors';
import { createNodeLayers, hasLayers, type AnyTensor, type NodeLayers, type VariableBinding } from './layers';
import { isLossType, lossFunction, type LossFunction } from './losses';
import {
  endpointKey,
  type AccuracySource,
  type CompiledModel,
  type CompiledVariable,
  type EndpointKey,
  type Feed,
  type ForwardResult,
  type LossTerm,
  type RegularizationTerm,
} from './types';
import { parseRegularizerOrThrow, regularizationLoss, regularizationTag } from './weights';
import type { Regularizer } from '../graph/regularizers';

interface Source {
  nodeId: string;
  endpoint: string;
}

/** One layer node in topological order, with where each of its inputs comes from. */
interface Step {
  node: LayerNode;
  info: NodeInfo;
  params: Params;
  inputs: Record<string, Source>;
}

interface LossStep {
  step: Step;
  tag: string;
  compute: LossFunction;
  weight: number;
}

interface RegularizedVariable {
  tag: string;
  variable: string;
  regularizer: Regularizer;
  binding: VariableBinding;
}

const DATA_TYPES = new Set(['MnistInput', 'Input']);

/** Compiles an analysed document; raises `CompileError` when the analysis has errors. */
export function compileModel(doc: ModelDocument, analysis: Analysis): CompiledModel {
  if (!analysis.trainable) {
    const first = analysis.diagnostics.find((d) => d.severity === 'error');
    throw new CompileError('train.compile.notTrainable', { detail: first?.message ?? '?' });
  }
  const steps = orderedSteps(doc, analysis);
  const compiler = new GraphCompiler(doc, analysis, steps);
  try {
    return compiler.build();
  } catch (error) {
    compiler.disposeLayers();
    throw error;
  }
}

function orderedSteps(doc: ModelDocument, analysis: Analysis): Step[] {
  const layersById = new Map(doc.nodes.filter((n): n is LayerNode => n.kind === 'layer').map((n) => [n.id, n]));
  const incoming = new Map<string, Record<string, Source>>();
  for (const edge of doc.edges) {
    const source = layersById.get(edge.source);
    const target = layersById.get(edge.target);
    if (!source || !target) continue;
    const sourceSpec = getLayerSpec(source.type)!;
    const targetSpec = getLayerSpec(target.type)!;
    const endpoint = edge.sourceHandle ?? sourceSpec.endpoints(paramValues(analysis.nodes[source.id].params))[0];
    const handle = edge.targetHandle ?? targetSpec.inputs[0]?.name;
    const inputs = incoming.get(target.id) ?? {};
    inputs[handle] = { nodeId: source.id, endpoint };
    incoming.set(target.id, inputs);
  }
  return analysis.order.map((id) => {
    const node = layersById.get(id)!;
    const info = analysis.nodes[id];
    return { node, info, params: paramValues(info.params), inputs: incoming.get(id) ?? {} };
  });
}

/** Returns the name of an endpoint in messages: the node's op path, plus the endpoint unless it is `output`. */
function endpointPath(info: NodeInfo, endpoint: string): string {
  return endpoint === 'output' ? info.opPath : `${info.opPath}/${endpoint}`;
}

class GraphCompiler {
  private readonly bundles = new Map<string, NodeLayers>();
  private readonly ownBundles: NodeLayers[] = [];
  private readonly layerNames = new Set<string>();

  constructor(
    private readonly doc: ModelDocument,
    private readonly analysis: Analysis,
    private readonly steps: Step[],
  ) {}

  build(): CompiledModel {
    // Owners first: a layer that reuses variables may come before its owner in topological order.
    const layerSteps = this.steps.filter((step) => hasLayers(step.node.type));
    for (const step of layerSteps) if (!step.info.sharesWith) this.createLayers(step);
    for (const step of layerSteps) if (step.info.sharesWith) this.createLayers(step);
    const { model, outputKeys, computed } = this.buildModel();
    const variables = this.bindVariables();
    const regularized = this.regularizedVariables(variables.bindings);
    const losses = this.lossSteps();
    const trainableVariables = uniqueTrainable(variables.compiled);
    const endpointNames = this.endpointNames(computed);
    const accuracy = this.accuracySource(losses);
    const addRegularization = this.doc.training.addRegularizationLosses;
    const run = (feed: Feed, training: boolean) => this.run(feed, training) as Map<EndpointKey, tf.Tensor>;

    const forward = (feed: Feed, training: boolean): ForwardResult => {
      const endpoints = run(feed, training);
      const lossTerms: LossTerm[] = losses.map(({ step, tag, compute, weight }) => {
        const inputs: Record<string, tf.Tensor> = {};
        for (const [handle, source] of Object.entries(step.inputs)) {
          inputs[handle] = endpoints.get(endpointKey(source.nodeId, source.endpoint))!;
        }
        const value = compute(inputs, weight);
        endpoints.set(endpointKey(step.node.id, 'output'), value);
        return { tag, nodeId: step.node.id, value };
      });
      const regularization: RegularizationTerm[] = regularized.map((entry) => ({
        tag: entry.tag,
        variable: entry.variable,
        value: regularizationLoss(entry.regularizer, entry.binding.read()),
      }));
      const regularizationSum = sumScalars(regularization.map((term) => term.value));
      const lossSum = sumScalars(lossTerms.map((term) => term.value));
      const totalLoss = addRegularization ? lossSum.add(regularizationSum) : lossSum;
      return { endpoints, losses: lossTerms, regularization, regularizationLoss: regularizationSum, totalLoss: totalLoss as tf.Scalar };
    };

    const bundles = this.ownBundles;
    return {
      model,
      outputKeys,
      endpointNames,
      variables: variables.compiled,
      trainableVariables,
      accuracy,
      forward,
      dispose: () => disposeBundles(bundles),
    };
  }

  disposeLayers(): void {
    disposeBundles(this.ownBundles);
  }

  private createLayers(step: Step): void {
    const ownerId = step.info.sharesWith;
    if (ownerId) {
      const owner = this.bundles.get(ownerId);
      if (!owner) throw new CompileError('train.compile.sharedOwnerMissing', { node: step.info.opPath });
      this.bundles.set(step.node.id, owner);
      return;
    }
    const variablePrefix = step.info.variablePath;
    const bundle = createNodeLayers(step.node.type, {
      path: step.info.variables.length > 0 ? variablePrefix : step.info.opPath,
      params: step.params,
      layerName: (name) => this.uniqueLayerName(name),
      seedFor: (shortName) => this.seedFor(`${variablePrefix}/${shortName}:0`),
      tapped: this.tappedEndpoints(step.node.id),
    });
    this.bundles.set(step.node.id, bundle);
    this.ownBundles.push(bundle);
  }

  /** Endpoints of `nodeId`, or of any layer sharing its variables, that an edge or a summary reads. */
  private tappedEndpoints(nodeId: string): Set<string> {
    const sharing = new Set([nodeId, ...this.steps.filter((s) => s.info.sharesWith === nodeId).map((s) => s.node.id)]);
    const tapped = new Set<string>();
    for (const step of this.steps) {
      for (const source of Object.values(step.inputs)) if (sharing.has(source.nodeId)) tapped.add(source.endpoint);
    }
    for (const summary of this.analysis.summaries) {
      if (summary.source && sharing.has(summary.source.nodeId)) tapped.add(summary.source.endpoint);
    }
    return tapped;
  }

  private uniqueLayerName(name: string): string {
    // tfjs accepts `/` in names but requires a letter or digit first.
    const base = name
      .split('/')
      .map((part) => sanitizeName(part).replace(/^\./, 'n.'))
      .join('/');
    let candidate = base;
    for (let i = 1; this.layerNames.has(candidate); i++) candidate = `${base}_${i}`;
    this.layerNames.add(candidate);
    return candidate;
  }

  private seedFor(variableName: string): number {
    const index = this.analysis.variables.findIndex((v) => v.name === variableName);
    return this.doc.training.seed * 1009 + Math.max(0, index) + 1;
  }

  /** Runs the layers in topological order on concrete or symbolic data; losses and summaries are skipped. */
  private run(feed: Record<string, AnyTensor>, training: boolean): Map<EndpointKey, AnyTensor> {
    const values = new Map<EndpointKey, AnyTensor>();
    for (const step of this.steps) {
      const { node } = step;
      if (node.type === 'MnistInput') {
        for (const endpoint of ['images', 'labels']) {
          const tensor = feed[endpoint];
          if (!tensor) continue;
          const sparse = endpoint === 'labels' && step.params.labels === 'sparse' && tensor instanceof tf.Tensor;
          values.set(endpointKey(node.id, endpoint), sparse ? tf.argMax(tensor as tf.Tensor, -1) : tensor);
        }
      } else if (node.type === 'Input') {
        const tensor = feed[node.id];
        if (tensor) values.set(endpointKey(node.id, 'output'), tensor);
      } else if (hasLayers(node.type)) {
        const inputs: Record<string, AnyTensor> = {};
        for (const [handle, source] of Object.entries(step.inputs)) {
          const value = values.get(endpointKey(source.nodeId, source.endpoint));
          if (!value) throw new CompileError('train.compile.missingFeed', { node: step.info.opPath, input: handle });
          inputs[handle] = value;
        }
        const endpoints = this.bundles.get(node.id)!.apply(inputs, training);
        for (const [endpoint, tensor] of Object.entries(endpoints)) values.set(endpointKey(node.id, endpoint), tensor);
      }
    }
    return values;
  }

  /** The functional model: one `tf.input` per data endpoint that a layer reads, every layer endpoint as an output. */
  private buildModel(): { model: tf.LayersModel | null; outputKeys: EndpointKey[]; computed: Set<EndpointKey> } {
    const consumed = new Set<EndpointKey>();
    for (const step of this.steps) {
      if (!hasLayers(step.node.type)) continue;
      for (const source of Object.values(step.inputs)) consumed.add(endpointKey(source.nodeId, source.endpoint));
    }
    const feed: Record<string, tf.SymbolicTensor> = {};
    const inputs: tf.SymbolicTensor[] = [];
    for (const step of this.steps) {
      const { node } = step;
      if (!DATA_TYPES.has(node.type)) continue;
      for (const [endpoint, shape] of Object.entries(step.info.outputs)) {
        const key = endpointKey(node.id, endpoint);
        if (!consumed.has(key) || !shape) continue;
        const input = tf.input({ shape, name: this.uniqueLayerName(endpointPath(step.info, endpoint)) });
        feed[node.type === 'Input' ? node.id : endpoint] = input;
        inputs.push(input);
      }
    }

    const values = this.run(feed, false);
    const outputs: tf.SymbolicTensor[] = [];
    const outputKeys: EndpointKey[] = [];
    for (const step of this.steps) {
      if (!hasLayers(step.node.type)) continue;
      for (const endpoint of Object.keys(step.info.outputs)) {
        const key = endpointKey(step.node.id, endpoint);
        const tensor = values.get(key) as tf.SymbolicTensor | undefined;
        // A fused layer's `preactivation` and `batchnorm` can be the same tensor; tfjs wants distinct outputs.
        if (!tensor || outputs.includes(tensor)) continue;
        outputs.push(tensor);
        outputKeys.push(key);
      }
    }
    const computed = new Set(values.keys());
    if (inputs.length === 0 || outputs.length === 0) return { model: null, outputKeys: [], computed };
    return { model: tf.model({ inputs, outputs, name: sanitizeName(this.doc.title || 'model') }), outputKeys, computed };
  }

  private bindVariables(): { compiled: CompiledVariable[]; bindings: Map<string, VariableBinding> } {
    const perBundle = new Map<NodeLayers, Map<string, VariableBinding>>();
    const compiled: CompiledVariable[] = [];
    const bindings = new Map<string, VariableBinding>();
    for (const variable of this.analysis.variables) {
      const bundle = this.bundles.get(variable.ownerId);
      if (!bundle) throw new CompileError('train.compile.sharedOwnerMissing', { node: variable.name });
      let bundleBindings = perBundle.get(bundle);
      if (!bundleBindings) {
        bundleBindings = bundle.bindVariables();
        perBundle.set(bundle, bundleBindings);
      }
      const bound = bundleBindings.get(variable.shortName);
      if (!bound) throw new CompileError('train.compile.variableMissing', { variable: variable.name });
      bindings.set(variable.name, bound);
      const owner = this.analysis.nodes[variable.ownerId];
      compiled.push({
        name: variable.name,
        tag: variable.baseName,
        scopePath: owner.variablePath.split('/').slice(0, -1).join('/'),
        nodeId: variable.ownerId,
        trainable: variable.trainable,
        weights: bound.weights,
        read: bound.read,
      });
    }
    return { compiled, bindings };
  }

  private regularizedVariables(bindings: Map<string, VariableBinding>): RegularizedVariable[] {
    const entries: RegularizedVariable[] = [];
    for (const variable of this.analysis.variables) {
      if (variable.regularizer === undefined || variable.regularizer === null) continue;
      const owner = this.analysis.nodes[variable.ownerId];
      const param = variable.shortName === 'biases' ? 'biasesRegularizer' : 'weightsRegularizer';
      const regularizer = parseRegularizerOrThrow(String(variable.regularizer), { node: owner.opPath, param });
      if (!regularizer.active) continue;
      entries.push({
        tag: regularizationTag(variable.baseName, regularizer),
        variable: variable.name,
        regularizer,
        binding: bindings.get(variable.name)!,
      });
    }
    return entries;
  }

  private lossSteps(): LossStep[] {
    return this.steps
      .filter((step) => isLossType(step.node.type))
      .map((step) => ({
        step,
        tag: step.info.opPath,
        compute: lossFunction(step.node.type, step.info.opPath),
        weight: Number(step.params.weight ?? 1),
      }));
  }

  /** Names of the endpoints the layers compute; an untapped `preactivation` of a fused layer is not one. */
  private endpointNames(computed: ReadonlySet<EndpointKey>): Map<EndpointKey, string> {
    const names = new Map<EndpointKey, string>();
    for (const step of this.steps) {
      if (!hasLayers(step.node.type)) continue;
      for (const endpoint of Object.keys(step.info.outputs)) {
        const key = endpointKey(step.node.id, endpoint);
        if (computed.has(key)) names.set(key, endpointPath(step.info, endpoint));
      }
    }
    return names;
  }

  /** Returns the first softmax cross-entropy whose labels come straight from the MNIST data source. */
  private accuracySource(losses: LossStep[]): AccuracySource | null {
    for (const { step } of losses) {
      if (step.node.type !== 'SoftmaxCrossEntropy' && step.node.type !== 'SparseSoftmaxCrossEntropy') continue;
      const labels = step.inputs.labels;
      const logits = step.inputs.logits;
      const labelSource = labels && this.steps.find((s) => s.node.id === labels.nodeId);
      if (!logits || labelSource?.node.type !== 'MnistInput' || labels.endpoint !== 'labels') continue;
      return { logits: endpointKey(logits.nodeId, logits.endpoint), labels: 'labels' };
    }
    return null;
  }
}

function sumScalars(values: tf.Scalar[]): tf.Scalar {
  if (values.length === 0) return tf.scalar(0);
  if (values.length === 1) return values[0];
  return tf.addN(values) as tf.Scalar;
}

/** The optimizer's variable list: each trainable tfjs weight once, even when a TF variable is shared. */
function uniqueTrainable(variables: CompiledVariable[]): tf.Variable[] {
  const seen = new Set<tf.LayerVariable>();
  const list: tf.Variable[] = [];
  for (const variable of variables) {
    if (!variable.trainable) continue;
    for (const weight of variable.weights) {
      if (seen.has(weight) || !weight.trainable) continue;
      seen.add(weight);
      // LayerVariable.read() returns the backing tf.Variable itself.
      list.push(weight.read() as tf.Variable);
    }
  }
  return list;
}

/**
 * Frees every weight of `model`. `LayersModel.dispose` in tfjs 4.22 releases one reference per layer,
 * but a layer holds one reference per application, so a shared layer kept its weights. This disposes
 * each layer until its count reaches zero. Use it for models loaded with `tf.loadLayersModel` too.
 */
export function disposeLayersModel(model: tf.LayersModel): void {
  disposeLayers(model.layers);
}

function disposeBundles(bundles: NodeLayers[]): void {
  disposeLayers(bundles.flatMap((bundle) => bundle.layers));
}

function disposeLayers(layers: tf.layers.Layer[]): void {
  for (const layer of layers) {
    if (!layer.built) continue;
    for (let guard = 0; guard < 1000; guard++) {
      let result: { refCountAfterDispose: number };
      try {
        result = layer.dispose();
      } catch {
        // tfjs throws once a layer is disposed or was never applied: nothing is left to free.
        break;
      }
      if (result.refCountAfterDispose <= 0) break;
    }
  }
}
