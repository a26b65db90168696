/**
 * `analyze(doc)`: everything derived from a document — op paths and variable names, resolved
 * parameters, shapes, variables with sharing, collections, summaries and diagnostics. It never
 * mutates the document, and results are cached (see `analyze`).
 */
import { getLayerSpec, type LayerSpec } from './catalogue';
import { connectEdges, type IncomingEdge } from './edges';
import { isStandardCollection, STANDARD_COLLECTIONS } from './graph-keys';
import { duplicateNameKey, effectiveReuse, mayShareName, UniqueNames, validateName } from './naming';
import { checkParam, normalizeParam, resolveParams } from './params';
import { formatShape, makeDiagnostic, problemToDiagnostic } from './problems';
import { collectSummaries } from './summaries';
import type {
  Analysis,
  CollectionItem,
  Diagnostic,
  DocNode,
  LayerNode,
  MaybeShape,
  ModelDocument,
  NodeInfo,
  Params,
  ScopeNode,
  Shape,
  VariableInfo,
} from './types';
import { createVariables } from './variables';

/** A layer of the document with its catalogue entry and computed parameter values. */
export interface LayerContext {
  node: LayerNode;
  spec: LayerSpec;
  info: NodeInfo;
  /** Validated parameter values used for computation (invalid values fall back to the default). */
  values: Params;
  /** Endpoint names for `values`. */
  endpoints: string[];
  /** Input shapes when every connected input is known and the shape rule passed, else null. */
  inputShapes: Record<string, Shape | undefined> | null;
  incoming: Map<string, IncomingEdge>;
}

/** State shared by the analysis passes. */
export interface AnalysisState {
  doc: ModelDocument;
  nodesById: Map<string, DocNode>;
  infos: Record<string, NodeInfo>;
  /** Nodes in depth-first document order: the order TF code would create them in. */
  visitOrder: DocNode[];
  layers: Map<string, LayerContext>;
  scopeOpPaths: Map<string, string>;
  diagnostics: Diagnostic[];
  collections: Record<string, CollectionItem[]>;
  /** Variables in creation order. */
  variables: VariableInfo[];
}

const cache = new WeakMap<ModelDocument, Analysis>();
let latest: { doc: ModelDocument; analysis: Analysis } | undefined;

/**
 * Analyzes `doc`. The same document object returns the same Analysis. A document that differs from
 * the previous one only in layout (positions, sizes, collapsed scopes, the title) also returns the
 * previous Analysis object, so dragging on the canvas recomputes nothing.
 */
export function analyze(doc: ModelDocument): Analysis {
  const cached = cache.get(doc);
  if (cached) return cached;

  const analysis = latest && sameAnalysisInputs(latest.doc, doc) ? latest.analysis : runAnalysis(doc);
  cache.set(doc, analysis);
  latest = { doc, analysis };
  return analysis;
}

/**
 * Returns whether two documents have the same analysis inputs: every field except layout and the
 * title. Params, arg_scopes and collection lists are compared by reference, because edits replace
 * them rather than change them in place.
 */
function sameAnalysisInputs(a: ModelDocument, b: ModelDocument): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  if (a.collections !== b.collections && a.collections.join('\n') !== b.collections.join('\n')) return false;

  for (let index = 0; index < a.nodes.length; index += 1) {
    const first = a.nodes[index];
    const second = b.nodes[index];
    if (first === second) continue;
    if (first.id !== second.id || first.name !== second.name || first.parentId !== second.parentId) return false;
    if (first.kind === 'layer' && second.kind === 'layer') {
      if (first.type !== second.type || first.params !== second.params || first.collections !== second.collections) return false;
    } else if (first.kind === 'scope' && second.kind === 'scope') {
      if (first.scopeKind !== second.scopeKind || first.reuse !== second.reuse || first.argScope !== second.argScope) return false;
    } else {
      return false;
    }
  }

  for (let index = 0; index < a.edges.length; index += 1) {
    const first = a.edges[index];
    const second = b.edges[index];
    if (first === second) continue;
    if (first.id !== second.id || first.source !== second.source || first.target !== second.target) return false;
    if (first.sourceHandle !== second.sourceHandle || first.targetHandle !== second.targetHandle) return false;
  }
  return true;
}

function runAnalysis(doc: ModelDocument): Analysis {
  const state: AnalysisState = {
    doc,
    nodesById: new Map(doc.nodes.map((node) => [node.id, node])),
    infos: {},
    visitOrder: [],
    layers: new Map(),
    scopeOpPaths: new Map(),
    diagnostics: [],
    collections: {},
    variables: [],
  };
  for (const key of STANDARD_COLLECTIONS) state.collections[key] = [];
  for (const key of doc.collections) if (!isStandardCollection(key)) state.collections[key] = [];

  assignNames(state);
  checkSiblingNames(state);
  resolveLayers(state);
  const { incoming, edgeErrors } = connectEdges(state);
  for (const diagnostic of edgeErrors) report(state, diagnostic);
  for (const [id, edges] of incoming) state.layers.get(id)!.incoming = edges;

  const order = topologicalOrder(state);
  const edgeShapes = inferShapes(state, order);
  createVariables(state);
  collectOps(state);
  const summaries = collectSummaries(state);
  sumScopeParams(state);
  checkHasLoss(state);

  return {
    nodes: state.infos,
    order,
    variables: state.variables,
    collections: state.collections,
    diagnostics: state.diagnostics,
    edgeShapes,
    summaries,
    trainable: !state.diagnostics.some((diagnostic) => diagnostic.severity === 'error'),
  };
}

/** Adds a diagnostic to the analysis and to its node. */
export function report(state: AnalysisState, diagnostic: Diagnostic): void {
  state.diagnostics.push(diagnostic);
  if (diagnostic.nodeId) state.infos[diagnostic.nodeId]?.diagnostics.push(diagnostic);
}

function emptyInfo(id: string, opPath: string, variablePath: string, ancestors: string[]): NodeInfo {
  return { id, opPath, variablePath, ancestors, params: {}, outputs: {}, inputs: {}, variables: [], paramCount: 0, diagnostics: [] };
}

/**
 * Walks the scope tree depth-first in document order, giving each node its op path (re-entered
 * names uniquified as TF's name scopes do) and its variable path (variable scopes only).
 */
function assignNames(state: AnalysisState): void {
  const children = new Map<string | undefined, DocNode[]>();
  const orphans: DocNode[] = [];
  for (const node of state.doc.nodes) {
    const parent = node.parentId === undefined ? undefined : state.nodesById.get(node.parentId);
    const validParent = node.parentId === undefined || parent?.kind === 'scope';
    if (!validParent) orphans.push(node);
    const key = validParent ? node.parentId : undefined;
    const list = children.get(key) ?? [];
    list.push(node);
    children.set(key, list);
  }

  const names = new UniqueNames();
  const visit = (node: DocNode, opPrefix: string, variablePrefix: string, ancestors: string[]) => {
    const opPath = names.unique(opPrefix, node.name);
    const ownVariablePath = variablePrefix ? `${variablePrefix}/${node.name}` : node.name;
    state.visitOrder.push(node);
    if (node.kind === 'layer') {
      state.infos[node.id] = emptyInfo(node.id, opPath, ownVariablePath, ancestors);
      return;
    }
    const variablePath = node.scopeKind === 'variable_scope' ? ownVariablePath : variablePrefix;
    state.infos[node.id] = emptyInfo(node.id, opPath, variablePath, ancestors);
    state.scopeOpPaths.set(node.id, opPath);
    const inner = [...ancestors, node.id];
    for (const child of children.get(node.id) ?? []) visit(child, opPath, variablePath, inner);
  };
  for (const node of children.get(undefined) ?? []) visit(node, '', '', []);

  for (const node of orphans) {
    report(state, makeDiagnostic('invalid-param', 'warning', { nodeId: node.id }, 'graph.node.badParent', { node: node.name, parent: node.parentId ?? '' }));
  }
  // Nodes whose parents form a loop are never reached from the top level.
  for (const node of state.doc.nodes) {
    if (state.infos[node.id]) continue;
    state.infos[node.id] = emptyInfo(node.id, node.name, node.name, []);
    state.visitOrder.push(node);
    report(state, makeDiagnostic('cycle', 'error', { nodeId: node.id }, 'graph.node.parentCycle', { node: node.name }));
  }
}

function checkSiblingNames(state: AnalysisState): void {
  // Earlier siblings by parent and name, so that a flat document of many layers stays linear.
  const earlier = new Map<string, Map<string, DocNode[]>>();
  for (const node of state.visitOrder) {
    const invalid = validateName(node.name);
    if (invalid) report(state, { ...invalid, nodeId: node.id });

    const parentKey = node.parentId ?? '';
    const byName = earlier.get(parentKey) ?? new Map<string, DocNode[]>();
    earlier.set(parentKey, byName);
    const sameName = byName.get(node.name) ?? [];
    byName.set(node.name, sameName);

    const reuse = sameName.length > 0 ? effectiveReuse(state.nodesById, node.parentId) : false;
    const clash = sameName.find((other) => !mayShareName(node, other, reuse));
    if (clash) {
      const scope = node.parentId ? state.infos[node.parentId]?.opPath ?? node.parentId : '/';
      let suggestion = node.name;
      for (let index = 1; byName.has(suggestion); index += 1) suggestion = `${node.name}_${index}`;
      report(state, makeDiagnostic('duplicate-name', 'error', { nodeId: node.id }, duplicateNameKey(node, clash), { name: node.name, scope, suggestion }));
    }
    sameName.push(node);
  }
}

/** Resolves and validates the parameters of every layer. */
function resolveLayers(state: AnalysisState): void {
  for (const node of state.visitOrder) {
    if (node.kind !== 'layer') {
      if (node.reuse !== false && node.scopeKind === 'name_scope') {
        report(state, makeDiagnostic('invalid-param', 'warning', { nodeId: node.id }, 'graph.scope.reuseOnNameScope', { node: node.name }));
      }
      for (const entry of node.argScope ?? []) {
        for (const type of entry.layerTypes) {
          if (!getLayerSpec(type)) {
            report(state, makeDiagnostic('unknown-layer-type', 'warning', { nodeId: node.id }, 'graph.argScope.unknownType', { node: node.name, type }));
          }
        }
      }
      continue;
    }

    const info = state.infos[node.id];
    const spec = getLayerSpec(node.type);
    if (!spec) {
      report(state, makeDiagnostic('unknown-layer-type', 'error', { nodeId: node.id }, 'graph.node.unknownType', { node: info.opPath, type: node.type }));
      continue;
    }

    const ancestors = info.ancestors.map((id) => state.nodesById.get(id) as ScopeNode);
    const { resolved, values, unknownArgScope } = resolveParams(node, spec, ancestors, state.scopeOpPaths);
    info.params = resolved;
    for (const { scope, param } of unknownArgScope) {
      report(state, makeDiagnostic('invalid-param', 'error', { nodeId: node.id }, 'graph.argScope.unknownParam', { node: info.opPath, type: node.type, scope: state.scopeOpPaths.get(scope.id) ?? scope.name, param }));
    }
    for (const name of Object.keys(node.params)) {
      if (!(name in resolved)) {
        report(state, makeDiagnostic('invalid-param', 'warning', { nodeId: node.id }, 'graph.param.unknown', { node: info.opPath, type: node.type, param: name }));
      }
    }

    for (const param of spec.params) {
      const value = values[param.name];
      const problem = checkParam(param, value, info.opPath);
      if (problem) {
        report(state, problemToDiagnostic('invalid-param', 'error', { nodeId: node.id }, problem));
        values[param.name] = param.default;
        continue;
      }
      // The inspector and the compiler read normalised values (a kernel size 3 becomes [3, 3]).
      const normalized = normalizeParam(param, value);
      if (normalized !== value) {
        values[param.name] = normalized;
        resolved[param.name] = { ...resolved[param.name], value: normalized };
      }
    }
    state.layers.set(node.id, { node, spec, info, values, endpoints: spec.endpoints(values), inputShapes: null, incoming: new Map() });
  }
}

/** Kahn's algorithm over layers, seeded in visit order so the result is deterministic. */
function topologicalOrder(state: AnalysisState): string[] {
  const indegree = new Map<string, number>();
  const outgoing = new Map<string, string[]>();
  for (const [id, layer] of state.layers) {
    indegree.set(id, layer.incoming.size);
    for (const edge of layer.incoming.values()) {
      const list = outgoing.get(edge.sourceId) ?? [];
      list.push(id);
      outgoing.set(edge.sourceId, list);
    }
  }

  const order: string[] = [];
  for (const node of state.visitOrder) if (indegree.get(node.id) === 0) order.push(node.id);
  for (let index = 0; index < order.length; index += 1) {
    for (const target of outgoing.get(order[index]) ?? []) {
      const remaining = indegree.get(target)! - 1;
      indegree.set(target, remaining);
      if (remaining === 0) order.push(target);
    }
  }

  if (order.length < state.layers.size) {
    const placed = new Set(order);
    for (const [id, layer] of state.layers) {
      if (!placed.has(id)) {
        report(state, makeDiagnostic('cycle', 'error', { nodeId: id }, 'graph.edge.cycle', { node: layer.info.opPath }));
      }
    }
  }
  return order;
}

function inferShapes(state: AnalysisState, order: string[]): Record<string, MaybeShape> {
  const edgeShapes: Record<string, MaybeShape> = {};
  for (const edge of state.doc.edges) edgeShapes[edge.id] = null;

  for (const id of order) {
    const layer = state.layers.get(id)!;
    const { spec, info, values } = layer;
    const shapes: Record<string, Shape | undefined> = {};
    let complete = true;

    for (const input of spec.inputs) {
      const edge = layer.incoming.get(input.name);
      if (!edge) {
        info.inputs[input.name] = null;
        if (input.optional) continue;
        complete = false;
        if (spec.category !== 'summary') {
          // A handle named `input` is the layer's only input, so its message leaves the name out.
          const messageKey = input.name === 'input' ? 'graph.edge.missingOnlyInput' : 'graph.edge.missingInput';
          report(state, makeDiagnostic('missing-input', 'error', { nodeId: id }, messageKey, { node: info.opPath, type: spec.type, input: input.name }));
        }
        continue;
      }
      const shape = state.infos[edge.sourceId].outputs[edge.endpoint] ?? null;
      edgeShapes[edge.edgeId] = shape;
      info.inputs[input.name] = shape;
      if (shape === null) complete = false;
      else shapes[input.name] = shape;
    }

    const endpoints = layer.endpoints;
    // A summary reads its source later (it may be a variable); other layers need every required input.
    if (!complete && spec.category !== 'summary') {
      info.outputs = Object.fromEntries(endpoints.map((name) => [name, null]));
      continue;
    }

    const result = spec.inferShapes(shapes, values);
    info.outputs = result.outputs;
    for (const problem of result.problems) {
      report(state, makeDiagnostic('shape-mismatch', 'error', { nodeId: id }, `graph.shape.${problem.fix}`, {
        node: info.opPath,
        type: spec.type,
        input: problem.input,
        ...(problem.otherInput !== undefined ? { other: problem.otherInput, units: problem.units ?? '' } : {}),
        expected: problem.expected,
        actual: formatShape(problem.actual),
      }));
    }
    if (result.problems.length === 0 && complete) layer.inputShapes = shapes;
  }
  return edgeShapes;
}

/** Losses, activations, update ops and node-level user collections. */
function collectOps(state: AnalysisState): void {
  const add = (key: string, item: CollectionItem) => (state.collections[key] ??= []).push(item);
  for (const node of state.visitOrder) {
    const layer = state.layers.get(node.id);
    if (!layer) continue;
    const { spec, info, values } = layer;
    const opItem: CollectionItem = { name: info.opPath, kind: 'op', nodeId: node.id };

    if (spec.category === 'loss') add('LOSSES', opItem);
    if (spec.category === 'summary') add('SUMMARIES', opItem);
    if (spec.category === 'layer' || spec.category === 'activation') add('ACTIVATIONS', opItem);
    for (const suffix of spec.updateOps(values)) {
      add('UPDATE_OPS', { name: `${info.opPath}/${suffix}`, kind: 'op', nodeId: node.id });
    }
    // Layers with variables put their variables in user collections (see variables.ts); the others join themselves.
    if (info.variables.length === 0) {
      for (const key of layer.node.collections ?? []) add(key, opItem);
    }
  }
}

function sumScopeParams(state: AnalysisState): void {
  for (const layer of state.layers.values()) {
    for (const ancestor of layer.info.ancestors) state.infos[ancestor].paramCount += layer.info.paramCount;
  }
}

function checkHasLoss(state: AnalysisState): void {
  if (state.collections.LOSSES.length === 0) {
    report(state, makeDiagnostic('no-loss', 'error', {}, 'graph.noLoss', {}));
  }
}
