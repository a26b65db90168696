/**
 * Store actions behind every canvas gesture. Each reads the current state with `getState()`, turns
 * the gesture into typed changes (pure helpers in geometry.ts, clipboard.ts and layout.ts) and
 * dispatches them as one undo entry.
 */
import { getLayerSpec } from '../graph/catalogue';
import { suggestLayerName, suggestScopeName, validateRename } from '../graph/naming';
import type { Diagnostic, DocEdge, DocNode, LayerNode, ModelDocument, Params, XY } from '../graph/types';
import { applyChange, withDescendants, type Change, type NodeMove } from './changes';
import { documentStore } from './document';
import {
  absolutePosition,
  absoluteRect,
  ancestorsOf,
  DEFAULT_LAYER_SIZE,
  growAncestors,
  indexNodes,
  isHidden,
  reparentInPlace,
  scopeAt,
  setCollapsedChanges,
  topLevelOf,
  ungroup,
  unionRects,
  wrapInScope,
} from './geometry';
import { copyNodes, pasteChange, type ClipboardContent } from './clipboard';
import { newId } from './ids';
import { layoutDocument } from './layout';
import { freeOffset } from './placement';
import { useViewStore } from './view';

function state() {
  return documentStore.getState();
}

function measured() {
  return useViewStore.getState().measured;
}

function nodeIdTaken(id: string): boolean {
  return state().doc.nodes.some((node) => node.id === id);
}

function batch(changes: Change[]): void {
  if (changes.length > 0) state().dispatch({ type: 'batch', changes });
}

export function undo(): void {
  state().undo();
}

export function redo(): void {
  state().redo();
}

/**
 * Returns the move that shifts the nodes `ids` of `doc`, as one group, to the nearest free spot
 * below or right of where they are, clear of the visible siblings in their scopes. Returns null
 * when they are clear already.
 */
function placeInFreeSpace(doc: ModelDocument, ids: readonly string[]): Change | null {
  const index = indexNodes(doc);
  const placedIds = new Set(ids);
  const parents = new Set(ids.map((id) => index.get(id)?.parentId));
  const occupied = doc.nodes
    .filter((node) => parents.has(node.parentId) && !placedIds.has(node.id) && !isHidden(index, node.id))
    .map((node) => absoluteRect(index, node.id, measured()));
  const group = unionRects(ids.map((id) => absoluteRect(index, id, measured())));
  if (!group) return null;
  const offset = freeOffset(group, occupied);
  if (offset.x === 0 && offset.y === 0) return null;
  return {
    type: 'moveNodes',
    moves: ids.map((id) => {
      const node = index.get(id)!;
      return { id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y }, placed: true };
    }),
  };
}

/**
 * Adds a layer of `type` centred horizontally under `point` (flow coordinates), inside the innermost
 * scope under the point. A layer that would cover a sibling moves down or right to free space, and
 * the scopes around the new layer grow when it sticks out.
 */
export function addLayerAt(type: string, point: XY, preset?: { name: string; params: Params }): string {
  const { doc } = state();
  const parentId = scopeAt(doc, point, measured());
  const parentOrigin = parentId === undefined ? { x: 0, y: 0 } : absolutePosition(indexNodes(doc), parentId);
  const origin = { x: parentOrigin.x + DEFAULT_LAYER_SIZE.width / 2, y: parentOrigin.y + 20 };
  const node: LayerNode = {
    id: newId('n', nodeIdTaken),
    name: preset ? suggestScopeName(doc, parentId, preset.name) : suggestLayerName(doc, type, parentId),
    kind: 'layer',
    type,
    params: preset ? { ...preset.params } : {},
    position: { x: point.x - origin.x, y: point.y - origin.y },
    placed: true,
    ...(parentId === undefined ? {} : { parentId }),
  };
  const added: Change = { type: 'addNodes', nodes: [node] };
  const changes: Change[] = [added];
  let next = applyChange(doc, added).doc;
  const moved = placeInFreeSpace(next, [node.id]);
  if (moved) {
    changes.push(moved);
    next = applyChange(next, moved).doc;
  }
  batch([...changes, ...growAncestors(next, [node.id], measured())]);
  useViewStore.getState().select([node.id]);
  return node.id;
}

export interface ConnectionRequest {
  source: string;
  sourceHandle: string | null;
  target: string;
  targetHandle: string | null;
}

/** Connects two handles. An input takes one tensor, so an existing edge into the same input is replaced. */
export function connect(request: ConnectionRequest): void {
  const { doc } = state();
  if (request.source === request.target) return;
  // An edge without a target handle feeds the target's first input.
  const target = doc.nodes.find((node) => node.id === request.target);
  const firstInput = target?.kind === 'layer' ? (getLayerSpec(target.type)?.inputs[0]?.name ?? null) : null;
  const wanted = request.targetHandle ?? firstInput;
  const replaced = doc.edges.filter(
    (edge) => edge.target === request.target && (edge.targetHandle ?? firstInput) === wanted,
  );
  const edge: DocEdge = {
    id: newId('e', (id) => doc.edges.some((existing) => existing.id === id)),
    source: request.source,
    target: request.target,
    ...(request.sourceHandle ? { sourceHandle: request.sourceHandle } : {}),
    ...(request.targetHandle ? { targetHandle: request.targetHandle } : {}),
  };
  const changes: Change[] = [];
  if (replaced.length > 0) changes.push({ type: 'removeEdges', ids: replaced.map((old) => old.id) });
  changes.push({ type: 'addEdges', edges: [edge] });
  batch(changes);
}

/** Scopes among the selection that still contain nodes, for the delete-or-keep question. */
export function selectedScopesWithContents(): string[] {
  const { doc } = state();
  const selected = new Set(useViewStore.getState().selectedNodeIds);
  return doc.nodes
    .filter((node) => node.kind === 'scope' && selected.has(node.id))
    .filter((scope) => doc.nodes.some((node) => node.parentId === scope.id))
    .map((scope) => scope.id);
}

/**
 * Deletes the selected nodes and edges. With `keepContents`, selected scopes are ungrouped first,
 * so their contents stay where they are; otherwise everything inside them goes too.
 */
export function deleteSelection(keepContents: boolean): void {
  const { doc } = state();
  const view = useViewStore.getState();
  const index = indexNodes(doc);
  const nodeIds = view.selectedNodeIds.filter((id) => index.has(id));
  const edgeIds = view.selectedEdgeIds.filter((id) => doc.edges.some((edge) => edge.id === id));
  const changes: Change[] = [];
  let current = doc;
  const push = (change: Change) => {
    current = applyChange(current, change).doc;
    changes.push(change);
  };

  const removedNodes = withDescendants(doc.nodes, nodeIds);
  const edgesLeft = edgeIds.filter((id) => {
    const edge = doc.edges.find((candidate) => candidate.id === id)!;
    return !removedNodes.has(edge.source) && !removedNodes.has(edge.target);
  });
  if (edgesLeft.length > 0) push({ type: 'removeEdges', ids: edgesLeft });

  if (keepContents) {
    // Innermost scopes first, so each ungroup moves children into a scope that still exists.
    const scopes = nodeIds
      .filter((id) => index.get(id)?.kind === 'scope')
      .sort((a, b) => ancestorsOf(index, b).length - ancestorsOf(index, a).length);
    for (const scopeId of scopes) for (const change of ungroup(current, scopeId)) push(change);
    const layers = nodeIds.filter((id) => index.get(id)?.kind === 'layer');
    if (layers.length > 0) push({ type: 'removeNodes', ids: layers });
  } else {
    const top = topLevelOf(index, nodeIds);
    if (top.length > 0) push({ type: 'removeNodes', ids: top });
  }
  batch(changes);
  view.select([]);
}

/** Wraps the selected nodes in a new variable_scope; returns its id, or null when nothing is selected. */
export function wrapSelection(): string | null {
  const { doc } = state();
  const index = indexNodes(doc);
  const ids = topLevelOf(index, useViewStore.getState().selectedNodeIds);
  if (ids.length === 0) return null;
  const parentIds = ids.map((id) => index.get(id)?.parentId);
  const commonParent = parentIds.every((parent) => parent === parentIds[0]) ? parentIds[0] : undefined;
  const id = newId('s', nodeIdTaken);
  const name = suggestScopeName(doc, commonParent);
  batch(wrapInScope(doc, ids, { id, name, scopeKind: 'variable_scope' }, measured()));
  useViewStore.getState().select([id]);
  return id;
}

/** Removes a scope and keeps its contents in place. */
export function ungroupScope(scopeId: string): void {
  const children = state().doc.nodes.filter((node) => node.parentId === scopeId).map((node) => node.id);
  batch(ungroup(state().doc, scopeId));
  useViewStore.getState().select(children);
}

/** Collapses or expands a scope; the scopes around it shrink or grow with it. */
export function toggleCollapsed(scopeId: string): void {
  const { doc } = state();
  const node = doc.nodes.find((candidate) => candidate.id === scopeId);
  if (node?.kind !== 'scope') return;
  const changes = setCollapsedChanges(doc, scopeId, !node.collapsed);
  const next = applyChange(doc, { type: 'batch', changes }).doc;
  batch([...changes, ...growAncestors(next, [scopeId], measured())]);
}

/** Renames a node after the graph's rename check; returns the diagnostic instead when the name is rejected. */
export function renameNode(id: string, name: string): Diagnostic | null {
  const { doc } = state();
  const node = doc.nodes.find((candidate) => candidate.id === id);
  if (!node || node.name === name) return null;
  const problem = validateRename(doc, id, name);
  if (problem) return problem;
  state().dispatch({ type: 'rename', id, name });
  return null;
}

export function dispatch(change: Change): void {
  state().dispatch(change);
}

/**
 * Records newly measured layer sizes and grows the scopes around layers that turned out larger than
 * assumed. The growth is derived layout, so it makes no undo entry.
 */
export function layersMeasured(sizes: Record<string, { width: number; height: number }>): void {
  useViewStore.getState().setMeasured(sizes);
  const store = state();
  const grown = growAncestors(store.doc, Object.keys(sizes), measured());
  if (grown.length > 0) store.dispatch({ type: 'batch', changes: grown }, { record: false });
}

// ---------------------------------------------------------------------------------------------
// Dragging and resizing. A gesture starts on the first move and ends on drop; every move in
// between lands in the same undo entry.

/** Moves dragged nodes; unless `free`, every enclosing scope grows to keep them inside. */
export function dragNodes(moves: NodeMove[], free: boolean): void {
  const store = state();
  if (store.gestureDepth === 0) store.beginGesture();
  const placed = moves.map((move) => ({ ...move, placed: true }));
  const change: Change = { type: 'moveNodes', moves: placed };
  if (free) {
    store.dispatch(change);
    return;
  }
  const moved = applyChange(store.doc, change).doc;
  store.dispatch({ type: 'batch', changes: [change, ...growAncestors(moved, moves.map((m) => m.id), measured())] });
}

/**
 * Finishes a drag at `pointer` (flow coordinates). A free drag (Alt held) moves the dragged nodes
 * into the innermost scope under the pointer, or to the top level. A plain drag may only move them
 * deeper, into a scope inside their current one. Nothing moves on screen.
 */
export function dropNodes(ids: readonly string[], pointer: XY, free: boolean): void {
  const store = state();
  const { doc } = store;
  const index = indexNodes(doc);
  const dragged = topLevelOf(index, ids);
  const exclude = withDescendants(doc.nodes, dragged);
  const target = scopeAt(doc, pointer, measured(), exclude);
  const moves = dragged
    .filter((id) => {
      const current = index.get(id)?.parentId;
      if (target === current) return false;
      if (free) return true;
      // A plain drag never leaves the current scope, so the target must lie inside it.
      return target !== undefined && (current === undefined || ancestorsOf(index, target).includes(current));
    })
    .map((id) => reparentInPlace(index, id, target));
  if (moves.length > 0) {
    const change: Change = { type: 'reparent', moves };
    const next = applyChange(doc, change).doc;
    store.dispatch({ type: 'batch', changes: [change, ...growAncestors(next, dragged, measured())] });
  } else if (free) {
    store.dispatch({ type: 'batch', changes: growAncestors(doc, dragged, measured()) });
  }
  store.commitGesture();
}

export function startResize(): void {
  state().beginGesture();
}

/** Applies one resize step of a scope: its new box and the moves that keep its children in place. */
export function resizeScope(id: string, position: XY | undefined, size: { width: number; height: number }, childMoves: NodeMove[]): void {
  const store = state();
  const node = store.doc.nodes.find((candidate) => candidate.id === id);
  if (node?.kind !== 'scope') return;
  const changes: Change[] = [{ type: 'resizeScope', id, position: position ?? node.position, size }];
  if (childMoves.length > 0) changes.push({ type: 'moveNodes', moves: childMoves });
  store.dispatch({ type: 'batch', changes });
}

/** Ends a resize: the scope grows back around its contents, and its ancestors around it. */
export function endResize(id: string): void {
  const store = state();
  const children = store.doc.nodes.filter((node) => node.parentId === id).map((node) => node.id);
  const grown = growAncestors(store.doc, children.length > 0 ? children : [id], measured());
  if (grown.length > 0) store.dispatch({ type: 'batch', changes: grown });
  store.commitGesture();
}

/**
 * Lays out the whole document top to bottom, respecting nesting. dagre loads on first use. With
 * `record: false` the layout makes no undo entry (a freshly opened document without positions).
 */
export async function autoLayout(options: { record?: boolean; keepPlaced?: boolean } = {}): Promise<void> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const { doc } = state();
  let changes = layoutDocument(dagre, doc, measured());
  if (options.keepPlaced) {
    // Put the nodes the user placed back where they were, then let their scopes grow around them.
    const placed = doc.nodes.filter((node) => node.placed).map((node) => ({ id: node.id, position: node.position, placed: true }));
    if (placed.length > 0) {
      changes = [...changes, { type: 'moveNodes', moves: placed }];
      const laidOut = applyChange(doc, { type: 'batch', changes }).doc;
      changes = [...changes, ...growAncestors(laidOut, placed.map((move) => move.id), measured())];
    }
  }
  state().dispatch({ type: 'batch', changes }, { record: options.record });
}

/** Ungroups every selected scope, keeping the contents in place. */
export function ungroupSelection(): void {
  const { doc } = state();
  const index = indexNodes(doc);
  const scopes = useViewStore
    .getState()
    .selectedNodeIds.filter((id) => index.get(id)?.kind === 'scope')
    .sort((a, b) => ancestorsOf(index, b).length - ancestorsOf(index, a).length);
  if (scopes.length === 0) return;
  const changes: Change[] = [];
  let current = doc;
  for (const scopeId of scopes) {
    for (const change of ungroup(current, scopeId)) {
      current = applyChange(current, change).doc;
      changes.push(change);
    }
  }
  batch(changes);
  useViewStore.getState().select([]);
}

// ---------------------------------------------------------------------------------------------
// Clipboard. The copy lives in this module (not the system clipboard), so it survives only the tab.

const PASTE_STEP = 32;
let clipboard: ClipboardContent | null = null;
let pasteCount = 0;

export function copySelection(): boolean {
  clipboard = copyNodes(state().doc, useViewStore.getState().selectedNodeIds);
  pasteCount = 0;
  return clipboard !== null;
}

export function cutSelection(): void {
  if (copySelection()) deleteSelection(false);
}

function pasteContent(content: ClipboardContent, step: number): void {
  const { doc } = state();
  const offset = { x: PASTE_STEP * step, y: PASTE_STEP * step };
  const { change, roots } = pasteChange(doc, content, offset, newId);
  const changes: Change[] = [change];
  let pasted = applyChange(doc, change).doc;
  const moved = placeInFreeSpace(pasted, roots);
  if (moved) {
    changes.push(moved);
    pasted = applyChange(pasted, moved).doc;
  }
  batch([...changes, ...growAncestors(pasted, roots, measured())]);
  useViewStore.getState().select(roots);
}

export function pasteClipboard(): void {
  if (!clipboard) return;
  pasteCount += 1;
  pasteContent(clipboard, pasteCount);
}

/** Copies and pastes the selection in one step, leaving the clipboard as it was. */
export function duplicateSelection(): void {
  const content = copyNodes(state().doc, useViewStore.getState().selectedNodeIds);
  if (content) pasteContent(content, 1);
}

// ---------------------------------------------------------------------------------------------

export function selectAll(): void {
  const { doc } = state();
  const index = indexNodes(doc);
  const visible = doc.nodes.filter((node) => !ancestorsOf(index, node.id).some((id) => {
    const ancestor = index.get(id);
    return ancestor?.kind === 'scope' && ancestor.collapsed;
  }));
  useViewStore.getState().select(
    visible.map((node: DocNode) => node.id),
    doc.edges.map((edge) => edge.id),
  );
}
