import type * as tf from '@tensorflow/tfjs';

/** Key of one endpoint of one node in compiled results: `<nodeId>:<endpoint>`. */
export type EndpointKey = string;

export function endpointKey(nodeId: string, endpoint: string): EndpointKey {
  return `${nodeId}:${endpoint}`;
}

/** One TF variable of the compiled model. Shared variables appear once. */
export interface CompiledVariable {
  /** Full TF name with `:0`, for example `Classifier/conv1/weights:0`. */
  name: string;
  /** Summary tag: the TF name without `:0`. */
  tag: string;
  /** Scope path the panels group the variable under. */
  scopePath: string;
  nodeId: string;
  trainable: boolean;
  /** The tfjs weights behind the variable: one, or two for an RNN kernel tfjs splits in two. */
  weights: tf.LayerVariable[];
  /** Returns the variable's value in TF's shape; call inside `tf.tidy` (it may build a new tensor). */
  read(): tf.Tensor;
}

export interface LossTerm {
  /** Op path of the loss node, the tag of its scalar curve. */
  tag: string;
  nodeId: string;
  value: tf.Scalar;
}

export interface RegularizationTerm {
  /** Op path of the regularization op, for example `fc1/weights/Regularizer/l2_regularizer`. */
  tag: string;
  /** Full name of the regularized variable. */
  variable: string;
  value: tf.Scalar;
}

/** Tensors of one forward pass. Call `forward` inside `tf.tidy`, which owns all of them. */
export interface ForwardResult {
  /** Every endpoint of every layer and data source, and each loss's `output`, by `endpointKey`. */
  endpoints: Map<EndpointKey, tf.Tensor>;
  /** One entry per loss node: the `LOSSES` collection. */
  losses: LossTerm[];
  /** One entry per regularized variable: the `REGULARIZATION_LOSSES` collection. */
  regularization: RegularizationTerm[];
  /** `sum(REGULARIZATION_LOSSES)`, zero when there are none. */
  regularizationLoss: tf.Scalar;
  /** `sum(LOSSES)`, plus `regularizationLoss` when the document adds regularization losses. */
  totalLoss: tf.Scalar;
}

/** The tensors fed to the graph's data source, by endpoint name (`images`, `labels`). */
export type Feed = Record<string, tf.Tensor>;

/** Source of a classifier's accuracy: the logits endpoint and the feed key of the one-hot labels. */
export interface AccuracySource {
  logits: EndpointKey;
  labels: string;
}

export interface CompiledModel {
  /** The functional model: data-source inputs, every layer endpoint as an output; null without layers. */
  model: tf.LayersModel | null;
  /** Model output order: `model.outputs[i]` is endpoint `outputKeys[i]`. */
  outputKeys: EndpointKey[];
  /** Endpoints in topological order with the op path that names them in messages. */
  endpointNames: Map<EndpointKey, string>;
  variables: CompiledVariable[];
  /** The variables the optimizer updates. */
  trainableVariables: tf.Variable[];
  accuracy: AccuracySource | null;
  /** Runs the graph on `feed`; `training` turns on dropout and batch-norm updates. Call inside `tf.tidy`. */
  forward(feed: Feed, training: boolean): ForwardResult;
  /** Frees every weight. */
  dispose(): void;
}
