/**
 * The ScopeFlow document: what a user edits, saves and shares. Everything else (names, shapes,
 * variables, collections, diagnostics) is derived from it by `analyze` and never stored.
 *
 * The document is plain JSON: no classes, no functions, no cycles. Edits never mutate a document in
 * place; they return a new one.
 */

/** Current document schema version. Bump it and add a migration in `src/share` when the shape changes. */
export const DOCUMENT_VERSION = 1;

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** TF1's two scope kinds. `variable_scope` prefixes variables and ops, `name_scope` prefixes ops only. */
export type ScopeKind = 'variable_scope' | 'name_scope';

/**
 * `reuse` of a variable scope: `false` creates variables (and fails on an existing name), `true` shares
 * the variables that an earlier scope of the same path created, `'auto'` creates them once, then shares.
 */
export type ReuseMode = false | true | 'auto';

/** A parameter value. Arrays hold kernel sizes, strides and shapes. */
export type ParamValue = number | string | boolean | number[] | null;

export type Params = Record<string, ParamValue>;

/** Defaults that a scope applies to the layers of one type inside it (TF-Slim's `arg_scope`). */
export interface ArgScopeEntry {
  /** Layer types the defaults apply to, as catalogue type names (`Conv2D`, `Dense`, …). */
  layerTypes: string[];
  params: Params;
}

interface NodeBase {
  id: string;
  /** The name the user gave; the full path is derived from the enclosing scopes. */
  name: string;
  /** Enclosing scope id, or undefined at the top level. */
  parentId?: string;
  /** Position relative to the parent scope (React Flow's convention for child nodes). */
  position: XY;
  /** True once the user moved the node; unmoved nodes are laid out automatically and not shared. */
  placed?: boolean;
}

export interface ScopeNode extends NodeBase {
  kind: 'scope';
  scopeKind: ScopeKind;
  reuse: ReuseMode;
  size: Size;
  collapsed?: boolean;
  argScope?: ArgScopeEntry[];
}

export interface LayerNode extends NodeBase {
  kind: 'layer';
  /** Catalogue type name: `Conv2D`, `Dense`, `SoftmaxCrossEntropy`, `HistogramSummary`, … */
  type: string;
  /** Only the parameters the user set on this node; the rest come from arg_scopes and the catalogue. */
  params: Params;
  /** User collections the node's variables (or, for losses and summaries, the node itself) join. */
  collections?: string[];
}

export type DocNode = ScopeNode | LayerNode;

/**
 * A tensor flowing from one endpoint of `source` to one input of `target`.
 * `sourceHandle` names the endpoint (`output`, `preactivation`, `batchnorm`, `images`, `labels`, …);
 * `targetHandle` names the input (`input`, `logits`, `labels`, …). Both default to the first one.
 */
export interface DocEdge {
  id: string;
  source: string;
  sourceHandle?: string;
  target: string;
  targetHandle?: string;
}

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop';

export interface TrainingConfig {
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** `get_total_loss(add_regularization_losses=…)`: whether REGULARIZATION_LOSSES join the total. */
  addRegularizationLosses: boolean;
  /** Steps between summary read-backs. */
  summaryEvery: number;
  seed: number;
}

export interface ModelDocument {
  version: number;
  /** Display name of the document, for example the template it came from. */
  title: string;
  nodes: DocNode[];
  edges: DocEdge[];
  /** User-named collections (for example `batch_norm`), besides the standard keys. */
  collections: string[];
  training: TrainingConfig;
}

export type Shape = number[];

/** A tensor shape without the batch dimension, or null where it cannot be inferred. */
export type MaybeShape = Shape | null;

// ---------------------------------------------------------------------------------------------
// Derived data. `analyze(doc)` in src/graph/analyze.ts computes all of it; nothing here is stored.
// ---------------------------------------------------------------------------------------------

export type DiagnosticCode =
  | 'shape-mismatch'
  | 'missing-input'
  | 'cycle'
  | 'variable-exists'
  | 'variable-not-found'
  | 'invalid-name'
  | 'duplicate-name'
  | 'invalid-param'
  | 'unknown-layer-type'
  | 'no-loss'
  | 'bad-edge';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  /** Node (layer or scope) or edge the diagnostic is about. */
  nodeId?: string;
  edgeId?: string;
  /** Message key in src/ui/i18n and its values; the UI and the CLI format it in the user's language. */
  messageKey: string;
  values: Record<string, string | number>;
  /** English text, for logs, the CLI and tests. */
  message: string;
}

/** Origin of a resolved parameter value, shown in the inspector. */
export type ParamSource =
  | { from: 'node' }
  | { from: 'arg_scope'; scopeId: string; scopePath: string }
  | { from: 'default' };

export interface ResolvedParam {
  value: ParamValue;
  source: ParamSource;
}

export interface VariableInfo {
  /** Full TF name with `:0`, for example `Classifier/Encoder/conv1/weights:0`. */
  name: string;
  /** Name without `:0`. */
  baseName: string;
  /** Short name inside the layer: `weights`, `biases`, `BatchNorm/gamma`, `kernel`, … */
  shortName: string;
  dtype: 'float32';
  shape: Shape;
  size: number;
  bytes: number;
  trainable: boolean;
  /** Layer that created the variable. */
  ownerId: string;
  /** Other layers that reuse it (weight sharing). */
  sharedBy: string[];
  collections: string[];
  initializer?: ParamValue;
  regularizer?: ParamValue;
}

export interface NodeInfo {
  id: string;
  /** Op path with every enclosing scope and uniquified re-entered scopes: `test_1/conv1`. */
  opPath: string;
  /** Variable-scope path used for the node's variables: `Classifier/Encoder/conv1`. */
  variablePath: string;
  /** Scope ids from the outermost to the node's parent. */
  ancestors: string[];
  /** For layers: parameters after catalogue defaults, arg_scopes and node values. */
  params: Record<string, ResolvedParam>;
  /** For layers: output shape per endpoint (batch dimension excluded). */
  outputs: Record<string, MaybeShape>;
  /** For layers: the input shapes it received, per input handle. */
  inputs: Record<string, MaybeShape>;
  /** For layers: variables it owns or reuses. */
  variables: string[];
  /** For layers that reuse another layer's variables: the layer whose variables they share. */
  sharesWith?: string;
  /** Parameter count of the node (own variables only; for scopes, the sum over their contents). */
  paramCount: number;
  diagnostics: Diagnostic[];
}

export interface CollectionItem {
  /** The TF name: a variable name (`…/weights:0`) or an op path (`Encoder/loss`). */
  name: string;
  kind: 'variable' | 'op';
  nodeId: string;
}

/**
 * A summary to record while training. Explicit summary nodes give their own; every variable gets a
 * built-in histogram and every loss, `total_loss` and `regularization_loss` a built-in scalar.
 */
export interface SummarySpec {
  /** Op path used as the tag, for example `layer1/weights` or `Classifier/loss`. */
  tag: string;
  kind: 'scalar' | 'histogram' | 'image';
  /** Summary node, or the layer/loss node the built-in summary belongs to. */
  nodeId?: string;
  /** Source endpoint: a node id and its endpoint name. */
  source?: { nodeId: string; endpoint: string };
  /** Source variable, by full name with `:0`. */
  variable?: string;
  /** Scope path the panel groups the summary under (`''` at the top level). */
  scopePath: string;
  builtin: boolean;
}

export interface Analysis {
  nodes: Record<string, NodeInfo>;
  /** Layers in a topological order (inputs first); layers in a cycle are left out. */
  order: string[];
  /** Variables in creation order, one entry per variable even when shared. */
  variables: VariableInfo[];
  collections: Record<string, CollectionItem[]>;
  diagnostics: Diagnostic[];
  /** Shape of each edge's tensor, for edge labels. */
  edgeShapes: Record<string, MaybeShape>;
  summaries: SummarySpec[];
  /** True when there is no error: training may start. */
  trainable: boolean;
}
