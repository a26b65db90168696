/**
 * Edge validation: each edge must run from an endpoint of a layer to a free input of a layer.
 */
import type { AnalysisState } from './analyze';
import { makeDiagnostic } from './problems';
import type { Diagnostic } from './types';

export interface IncomingEdge {
  edgeId: string;
  sourceId: string;
  /** Source endpoint name, with the default (the first endpoint) filled in. */
  endpoint: string;
}

/**
 * Returns, per target layer, its connected inputs by handle, and a `bad-edge` or `cycle` diagnostic
 * for every edge that cannot be used.
 */
export function connectEdges(state: AnalysisState): { incoming: Map<string, Map<string, IncomingEdge>>; edgeErrors: Diagnostic[] } {
  const incoming = new Map<string, Map<string, IncomingEdge>>();
  const edgeErrors: Diagnostic[] = [];
  const name = (id: string) => state.infos[id]?.opPath ?? id;
  const fail = (edgeId: string, nodeId: string | undefined, key: string, values: Record<string, string | number>) =>
    edgeErrors.push(makeDiagnostic('bad-edge', 'error', { edgeId, nodeId }, key, values));

  const seenIds = new Set<string>();
  for (const edge of state.doc.edges) {
    if (seenIds.has(edge.id)) {
      fail(edge.id, edge.target, 'graph.edge.duplicateId', { edge: edge.id });
      continue;
    }
    seenIds.add(edge.id);

    const source = state.layers.get(edge.source);
    const target = state.layers.get(edge.target);
    if (!state.nodesById.has(edge.source) || !state.nodesById.has(edge.target)) {
      fail(edge.id, undefined, 'graph.edge.unknownNode', { edge: edge.id, source: edge.source, target: edge.target });
      continue;
    }
    // Scopes and layers of unknown types have no handles; unknown types already have their own error.
    if (!source || !target) {
      const scopeEnd = state.nodesById.get(edge.source)?.kind === 'scope' || state.nodesById.get(edge.target)?.kind === 'scope';
      if (scopeEnd) fail(edge.id, edge.target, 'graph.edge.scope', { edge: edge.id, source: name(edge.source), target: name(edge.target) });
      continue;
    }
    if (edge.source === edge.target) {
      edgeErrors.push(makeDiagnostic('cycle', 'error', { edgeId: edge.id, nodeId: edge.target }, 'graph.edge.selfLoop', { node: name(edge.target) }));
      continue;
    }

    const endpoints = source.endpoints;
    const endpoint = edge.sourceHandle ?? endpoints[0];
    if (!endpoints.includes(endpoint)) {
      fail(edge.id, edge.source, 'graph.edge.unknownEndpoint', { node: name(edge.source), endpoint: endpoint ?? '', endpoints: endpoints.join(', ') || '-' });
      continue;
    }
    const inputs = target.spec.inputs.map((input) => input.name);
    const handle = edge.targetHandle ?? inputs[0];
    if (!inputs.includes(handle)) {
      fail(edge.id, edge.target, 'graph.edge.unknownInput', { node: name(edge.target), input: handle ?? '', inputs: inputs.join(', ') || '-' });
      continue;
    }

    const connected = incoming.get(edge.target) ?? new Map<string, IncomingEdge>();
    incoming.set(edge.target, connected);
    if (connected.has(handle)) {
      fail(edge.id, edge.target, 'graph.edge.inputTaken', { node: name(edge.target), input: handle });
      continue;
    }
    connected.set(handle, { edgeId: edge.id, sourceId: edge.source, endpoint });
  }
  return { incoming, edgeErrors };
}
