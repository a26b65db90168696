/**
 * Variable creation in TF1's order with `get_variable` semantics: a new full name creates a variable,
 * an existing one is an error unless the scope reuses, and reuse=True requires the variable to exist.
 */
import type { AnalysisState, LayerContext } from './analyze';
import { report } from './analyze';
import { parseCollectionList } from './params';
import { formatShape, makeDiagnostic } from './problems';
import { isProblem, parseRegularizer, regularizerOpName } from './regularizers';
import { effectiveReuse } from './naming';
import type { CollectionItem, VariableInfo } from './types';

const BYTES_PER_FLOAT32 = 4;

function shapeSize(shape: readonly number[]): number {
  return shape.reduce((total, dimension) => total * dimension, 1);
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dimension, index) => dimension === b[index]);
}

/**
 * Creates or reuses the variables of every layer, in depth-first document order.
 * NOTE: a layer whose input shapes are unknown (an upstream error or a missing input) creates no
 * variables, so name clashes behind such a layer show up once the shape error is fixed.
 */
export function createVariables(state: AnalysisState): void {
  const byName = new Map<string, VariableInfo>();
  for (const node of state.visitOrder) {
    const layer = state.layers.get(node.id);
    if (layer?.inputShapes) createLayerVariables(state, layer, byName);
  }
}

function createLayerVariables(state: AnalysisState, layer: LayerContext, byName: Map<string, VariableInfo>): void {
  const { node, spec, info, values } = layer;
  const specs = spec.variables(layer.inputShapes!, values);
  if (specs.length === 0) return;

  const reuse = effectiveReuse(state.nodesById, node.parentId);
  const nodeCollections = node.collections ?? [];

  for (const variable of specs) {
    const baseName = `${info.variablePath}/${variable.shortName}`;
    const existing = byName.get(baseName);

    if (existing && reuse === false) {
      report(state, makeDiagnostic('variable-exists', 'error', { nodeId: node.id }, 'graph.variable.exists', { variable: baseName, node: info.opPath }));
      return;
    }
    if (!existing && reuse === true) {
      report(state, makeDiagnostic('variable-not-found', 'error', { nodeId: node.id }, 'graph.variable.notFound', { variable: baseName, node: info.opPath }));
      return;
    }

    if (existing) {
      if (!sameShape(existing.shape, variable.shape)) {
        report(state, makeDiagnostic('shape-mismatch', 'error', { nodeId: node.id }, 'graph.variable.shareShape', {
          variable: baseName,
          node: info.opPath,
          expected: formatShape(variable.shape),
          actual: formatShape(existing.shape),
        }));
        return;
      }
      existing.sharedBy.push(node.id);
      info.variables.push(existing.name);
      info.sharesWith ??= existing.ownerId;
      continue;
    }

    const size = shapeSize(variable.shape);
    const userCollections = [...parseCollectionList(String(values[variable.collectionsParam] ?? '')), ...nodeCollections];
    const collections = userCollections.length === 0 ? [...variable.collections] : [...new Set<string>([...variable.collections, ...userCollections])];
    const created: VariableInfo = {
      name: `${baseName}:0`,
      baseName,
      shortName: variable.shortName,
      dtype: 'float32',
      shape: variable.shape,
      size,
      bytes: size * BYTES_PER_FLOAT32,
      trainable: variable.trainable,
      ownerId: node.id,
      sharedBy: [],
      collections,
      initializer: variable.initializer,
    };
    if (variable.regularizer !== undefined) created.regularizer = variable.regularizer;
    byName.set(baseName, created);
    state.variables.push(created);
    info.variables.push(created.name);
    info.paramCount += size;

    // One item object in every collection: items are never modified, and this saves allocations.
    const item: CollectionItem = { name: created.name, kind: 'variable', nodeId: node.id };
    for (const key of collections) (state.collections[key] ??= []).push(item);
    addRegularizationLoss(state, layer, created);
  }
}

/**
 * TF1 adds one REGULARIZATION_LOSSES entry when a regularized variable is created (never on reuse),
 * named `<variable>/Regularizer/<regularizer op>`.
 */
function addRegularizationLoss(state: AnalysisState, layer: LayerContext, variable: VariableInfo): void {
  if (variable.regularizer === undefined) return;
  const parsed = parseRegularizer(String(variable.regularizer), { node: layer.info.opPath, param: '' });
  if (isProblem(parsed) || !parsed.active) return;
  state.collections.REGULARIZATION_LOSSES.push({
    name: `${variable.baseName}/Regularizer/${regularizerOpName(parsed.kind)}`,
    kind: 'op',
    nodeId: layer.node.id,
  });
}
