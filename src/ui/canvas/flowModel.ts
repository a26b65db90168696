/**
 * Converts the document into React Flow nodes and edges. Pure and cached: a node or edge object is
 * rebuilt only when its own inputs change, so React Flow re-renders only what changed (a drag
 * updates the dragged nodes, not the other 300).
 */
import type { Edge, Node } from '@xyflow/react';
import { getLayerSpec } from '../../graph/catalogue';
import type { Analysis, DocEdge, DocNode, MaybeShape, ModelDocument, Size } from '../../graph/types';
import { ancestorsOf, indexNodes, nodeSize, type MeasuredSizes, type NodeIndex } from '../../store/geometry';

export type FlowNode = Node<Record<string, never>, 'layer' | 'scope'>;
export type FlowEdge = Edge<Record<string, never>>;

/** Handles of a collapsed scope, which replaces every node inside it on the canvas. */
export const COLLAPSED_TARGET_HANDLE = 'collapsed-in';
export const COLLAPSED_SOURCE_HANDLE = 'collapsed-out';

const emptyData: Record<string, never> = {};

/** Orders nodes so that every scope comes before its contents, keeping document order otherwise. */
export function parentsFirst(nodes: readonly DocNode[]): DocNode[] {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | undefined, DocNode[]>();
  for (const node of nodes) {
    // A node whose parent is missing is drawn at the top level rather than dropped.
    const parent = node.parentId !== undefined && ids.has(node.parentId) ? node.parentId : undefined;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  const result: DocNode[] = [];
  const visit = (parent: string | undefined) => {
    for (const node of children.get(parent) ?? []) {
      result.push(node);
      visit(node.id);
    }
  };
  visit(undefined);
  return result;
}

/** Returns the outermost collapsed scope hiding `id`, or undefined when the node is visible. */
export function collapsedOwner(index: NodeIndex, id: string): string | undefined {
  const ancestors = ancestorsOf(index, id);
  for (let i = ancestors.length - 1; i >= 0; i -= 1) {
    const ancestor = index.get(ancestors[i]);
    if (ancestor?.kind === 'scope' && ancestor.collapsed) return ancestor.id;
  }
  return undefined;
}

interface NodeCacheEntry {
  doc: DocNode;
  selected: boolean;
  hidden: boolean;
  size: Size | undefined;
  parentId: string | undefined;
  flow: FlowNode;
}

interface EdgeCacheEntry {
  doc: DocEdge;
  selected: boolean;
  label: string;
  invalid: boolean;
  source: string;
  target: string;
  flow: FlowEdge;
}

/** Formats a shape without the batch dimension as `28×28×1`; a scalar as `()`, as TF prints it; unknown as `?`. */
export function formatShape(shape: MaybeShape | undefined): string {
  if (!shape) return '?';
  return shape.length === 0 ? '()' : shape.join('×');
}

/** Builds React Flow nodes and edges, reusing objects whose inputs did not change. */
export class FlowModel {
  private nodeCache = new Map<string, NodeCacheEntry>();
  private edgeCache = new Map<string, EdgeCacheEntry>();
  private lastNodes: FlowNode[] = [];
  private lastEdges: FlowEdge[] = [];

  nodes(doc: ModelDocument, selected: ReadonlySet<string>, measured: MeasuredSizes): FlowNode[] {
    const ids = new Set(doc.nodes.map((node) => node.id));
    const next = new Map<string, NodeCacheEntry>();
    const hiddenBy = new Map<string, boolean>();
    let changed = this.lastNodes.length !== doc.nodes.length;
    const result = parentsFirst(doc.nodes).map((node, position) => {
      const parentId = node.parentId !== undefined && ids.has(node.parentId) ? node.parentId : undefined;
      // parentsFirst visits a scope before its contents, so the parent's flags are known here.
      const hidden = parentId !== undefined && (hiddenBy.get(parentId) ?? false);
      if (node.kind === 'scope') hiddenBy.set(node.id, hidden || node.collapsed === true);

      const isSelected = selected.has(node.id);
      const size = node.kind === 'layer' ? measured[node.id] : nodeSize(node, measured);
      const cached = this.nodeCache.get(node.id);
      if (
        cached &&
        cached.doc === node &&
        cached.selected === isSelected &&
        cached.hidden === hidden &&
        cached.size === size &&
        cached.parentId === parentId
      ) {
        next.set(node.id, cached);
        if (this.lastNodes[position] !== cached.flow) changed = true;
        return cached.flow;
      }
      changed = true;
      const flow: FlowNode = {
        id: node.id,
        type: node.kind,
        position: node.position,
        data: emptyData,
        selected: isSelected,
        hidden,
        ...(parentId === undefined ? {} : { parentId }),
        ...(size ? { measured: size } : {}),
        ...(node.kind === 'scope' && size ? { width: size.width, height: size.height } : {}),
      };
      next.set(node.id, { doc: node, selected: isSelected, hidden, size, parentId, flow });
      return flow;
    });
    this.nodeCache = next;
    // The same array when nothing changed, so React Flow skips its update entirely.
    if (changed) this.lastNodes = result;
    return this.lastNodes;
  }

  edges(doc: ModelDocument, analysis: Analysis, selected: ReadonlySet<string>): FlowEdge[] {
    const index = indexNodes(doc);
    const invalidEdges = new Set(
      analysis.diagnostics.filter((d) => d.edgeId !== undefined && d.severity === 'error').map((d) => d.edgeId),
    );
    // A shape mismatch is reported on the node, naming the input; the edge into that input is invalid too.
    const mismatchedInputs = new Set(
      analysis.diagnostics
        .filter((d) => d.code === 'shape-mismatch' && d.nodeId !== undefined && d.values.input !== undefined)
        .map((d) => `${d.nodeId}\u0000${d.values.input}`),
    );
    const inputOf = (edge: DocEdge): string | undefined => {
      if (edge.targetHandle) return edge.targetHandle;
      const target = index.get(edge.target);
      return target?.kind === 'layer' ? getLayerSpec(target.type)?.inputs[0]?.name : undefined;
    };
    const next = new Map<string, EdgeCacheEntry>();
    const result: FlowEdge[] = [];
    for (const edge of doc.edges) {
      if (!index.has(edge.source) || !index.has(edge.target)) continue;
      const sourceOwner = collapsedOwner(index, edge.source);
      const targetOwner = collapsedOwner(index, edge.target);
      // An edge inside one collapsed scope is part of the collapsed box; it is not drawn.
      if (sourceOwner !== undefined && sourceOwner === targetOwner) continue;
      const source = sourceOwner ?? edge.source;
      const target = targetOwner ?? edge.target;
      const isSelected = selected.has(edge.id);
      const label = formatShape(analysis.edgeShapes[edge.id]);
      const invalid = invalidEdges.has(edge.id) || mismatchedInputs.has(`${edge.target}\u0000${inputOf(edge)}`);

      const cached = this.edgeCache.get(edge.id);
      if (
        cached &&
        cached.doc === edge &&
        cached.selected === isSelected &&
        cached.label === label &&
        cached.invalid === invalid &&
        cached.source === source &&
        cached.target === target
      ) {
        next.set(edge.id, cached);
        result.push(cached.flow);
        continue;
      }
      const flow: FlowEdge = {
        id: edge.id,
        source,
        target,
        sourceHandle: sourceOwner ? COLLAPSED_SOURCE_HANDLE : (edge.sourceHandle ?? null),
        targetHandle: targetOwner ? COLLAPSED_TARGET_HANDLE : (edge.targetHandle ?? null),
        label,
        selected: isSelected,
        className: invalid ? 'sf-edge sf-edge--invalid' : 'sf-edge',
        data: emptyData,
        ariaLabel: `${edge.source} → ${edge.target} ${label}`,
        // The drawn ends, which differ from the document's when a collapsed scope replaces an end.
        domAttributes: { 'data-source': source, 'data-target': target } as FlowEdge['domAttributes'],
      };
      next.set(edge.id, { doc: edge, selected: isSelected, label, invalid, source, target, flow });
      result.push(flow);
    }
    this.edgeCache = next;
    // React Flow rebuilds its connection lookup for every new edges array, so keep the old one
    // when every edge object is unchanged (a drag moves nodes, not edges).
    const same = result.length === this.lastEdges.length && result.every((edge, index) => edge === this.lastEdges[index]);
    if (!same) this.lastEdges = result;
    return this.lastEdges;
  }
}
