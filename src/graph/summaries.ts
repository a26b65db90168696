/**
 * Summaries to record while training: explicit summary nodes, then built-in ones (a histogram per
 * variable, a scalar per loss, `total_loss` and `regularization_loss`). Tags are op paths, made
 * unique the way TF names ops, so equal names in two scopes never clash.
 */
import type { AnalysisState } from './analyze';
import { report } from './analyze';
import { UniqueNames } from './naming';
import { formatShape, makeDiagnostic } from './problems';
import type { SummarySpec } from './types';

const SUMMARY_KINDS: Record<string, SummarySpec['kind']> = {
  ScalarSummary: 'scalar',
  HistogramSummary: 'histogram',
  ImageSummary: 'image',
};

function parentPath(state: AnalysisState, nodeId: string): string {
  const ancestors = state.infos[nodeId].ancestors;
  return ancestors.length > 0 ? state.infos[ancestors[ancestors.length - 1]].opPath : '';
}

export function collectSummaries(state: AnalysisState): SummarySpec[] {
  const tags = new UniqueNames();
  const summaries: SummarySpec[] = [];
  const variablesByName = new Map(state.variables.map((variable) => [variable.baseName, variable]));

  for (const node of state.visitOrder) {
    const layer = state.layers.get(node.id);
    if (!layer || layer.spec.category !== 'summary') continue;
    const { info, values, spec } = layer;
    const edge = layer.incoming.get('input');
    const variableText = String(values.variable ?? '').trim();
    const kind = SUMMARY_KINDS[spec.type];
    const base = { tag: tags.unique('', info.opPath), kind, nodeId: node.id, scopePath: parentPath(state, node.id), builtin: false };

    if (edge && variableText) {
      report(state, makeDiagnostic('bad-edge', 'error', { nodeId: node.id }, 'graph.summary.twoSources', { node: info.opPath, variable: variableText }));
      continue;
    }
    if (edge) {
      // A summary whose input failed its shape check (a scalar summary on a tensor) records nothing.
      const shapeError = info.diagnostics.some((diagnostic) => diagnostic.code === 'shape-mismatch');
      if (!shapeError) summaries.push({ ...base, source: { nodeId: edge.sourceId, endpoint: edge.endpoint } });
      continue;
    }
    if (!variableText) {
      report(state, makeDiagnostic('missing-input', 'error', { nodeId: node.id }, 'graph.summary.noSource', { node: info.opPath }));
      continue;
    }

    const variable = variablesByName.get(variableText.replace(/:0$/, ''));
    if (!variable) {
      report(state, makeDiagnostic('invalid-param', 'error', { nodeId: node.id }, 'graph.summary.variableNotFound', { node: info.opPath, variable: variableText }));
      continue;
    }
    info.inputs.input = variable.shape;
    const result = spec.inferShapes({ input: variable.shape }, values);
    for (const problem of result.problems) {
      report(state, makeDiagnostic('shape-mismatch', 'error', { nodeId: node.id }, `graph.shape.${problem.fix}`, {
        node: info.opPath,
        type: spec.type,
        input: variable.name,
        expected: problem.expected,
        actual: formatShape(problem.actual),
      }));
    }
    if (result.problems.length === 0) summaries.push({ ...base, variable: variable.name });
  }

  for (const variable of state.variables) {
    summaries.push({
      tag: tags.unique('', variable.baseName),
      kind: 'histogram',
      nodeId: variable.ownerId,
      variable: variable.name,
      scopePath: parentPath(state, variable.ownerId),
      builtin: true,
    });
  }
  for (const loss of state.collections.LOSSES) {
    summaries.push({
      tag: tags.unique('', loss.name),
      kind: 'scalar',
      nodeId: loss.nodeId,
      source: { nodeId: loss.nodeId, endpoint: 'output' },
      scopePath: parentPath(state, loss.nodeId),
      builtin: true,
    });
  }
  if (state.collections.LOSSES.length > 0) {
    summaries.push({ tag: tags.unique('', 'total_loss'), kind: 'scalar', scopePath: '', builtin: true });
  }
  if (state.collections.REGULARIZATION_LOSSES.length > 0) {
    summaries.push({ tag: tags.unique('', 'regularization_loss'), kind: 'scalar', scopePath: '', builtin: true });
  }
  return summaries;
}
