/**
 * Typed edits of a ModelDocument and the one pure function that applies them.
 *
 * `applyChange(doc, change)` never mutates `doc`: it returns a new document that shares every node
 * and edge object the change did not touch, plus the change that undoes it. Undo/redo and gestures
 * are built from those inverses (see history.ts).
 */
import type {
  ArgScopeEntry,
  DocEdge,
  DocNode,
  ModelDocument,
  Params,
  ReuseMode,
  ScopeKind,
  Size,
  TrainingConfig,
  XY,
} from '../graph/types';

export interface NodeMove {
  id: string;
  position: XY;
  /** Sets `placed`; `undefined` clears the flag (used by inverses). */
  placed?: boolean;
}

export interface NodeReparent {
  id: string;
  /** New enclosing scope, or undefined for the top level. */
  parentId: string | undefined;
  /** Position relative to the new parent. */
  position: XY;
}

/** A node or edge together with its index in the document's array, so removal can be undone exactly. */
export interface IndexedNode {
  node: DocNode;
  index: number;
}

export interface IndexedEdge {
  edge: DocEdge;
  index: number;
}

export type Change =
  /** Appends nodes (parents may be listed after their children) and edges. */
  | { type: 'addNodes'; nodes: DocNode[]; edges?: DocEdge[] }
  /** Inserts nodes and edges at the given indices; the inverse of `removeNodes`. */
  | { type: 'insertNodes'; nodes: IndexedNode[]; edges: IndexedEdge[] }
  /** Removes nodes, every node nested in a removed scope, and every edge touching a removed node. */
  | { type: 'removeNodes'; ids: string[] }
  | { type: 'moveNodes'; moves: NodeMove[] }
  | { type: 'resizeScope'; id: string; position: XY; size: Size }
  | { type: 'reparent'; moves: NodeReparent[] }
  | { type: 'rename'; id: string; name: string }
  /** Replaces the node's own parameter values (values inherited from arg_scopes stay out of it). */
  | { type: 'setParams'; id: string; params: Params }
  | { type: 'setCollections'; id: string; collections: string[] | undefined }
  | { type: 'setArgScope'; id: string; argScope: ArgScopeEntry[] | undefined }
  | { type: 'setScopeKind'; id: string; scopeKind: ScopeKind }
  | { type: 'setReuse'; id: string; reuse: ReuseMode }
  | { type: 'setCollapsed'; id: string; collapsed: boolean }
  | { type: 'addEdges'; edges: DocEdge[] }
  | { type: 'insertEdges'; edges: IndexedEdge[] }
  | { type: 'removeEdges'; ids: string[] }
  | { type: 'setTraining'; training: Partial<TrainingConfig> }
  | { type: 'setTitle'; title: string }
  | { type: 'setUserCollections'; collections: string[] }
  /** Applies changes in order; its inverse undoes them in reverse order. */
  | { type: 'batch'; changes: Change[] };

export interface AppliedChange {
  doc: ModelDocument;
  inverse: Change;
}

/** Raised when a change names a node or edge that the document does not contain. */
export class ChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangeError';
  }
}

/** Changes that only move or resize boxes; names, shapes and collections cannot depend on them. */
export function isLayoutChange(change: Change): boolean {
  switch (change.type) {
    case 'moveNodes':
    case 'resizeScope':
    case 'setCollapsed':
      return true;
    case 'batch':
      return change.changes.every(isLayoutChange);
    default:
      return false;
  }
}

/** Applies `change` to `doc` without mutating it and returns the new document and the undoing change. */
export function applyChange(doc: ModelDocument, change: Change): AppliedChange {
  switch (change.type) {
    case 'addNodes':
      return addNodes(doc, change.nodes, change.edges ?? []);
    case 'insertNodes':
      return insertNodes(doc, change.nodes, change.edges);
    case 'removeNodes':
      return removeNodes(doc, change.ids);
    case 'moveNodes': {
      const inverse: NodeMove[] = [];
      const next = patchNodes(doc, change.moves.map((move) => move.id), (node, index) => {
        const move = change.moves[index];
        inverse.push({ id: node.id, position: node.position, placed: node.placed });
        return withFields(node, { position: move.position, placed: move.placed });
      });
      return { doc: next, inverse: { type: 'moveNodes', moves: inverse } };
    }
    case 'resizeScope': {
      let inverse: Change = change;
      const next = patchNodes(doc, [change.id], (node) => {
        const scope = requireScope(node);
        inverse = { type: 'resizeScope', id: node.id, position: scope.position, size: scope.size };
        return { ...scope, position: change.position, size: change.size };
      });
      return { doc: next, inverse };
    }
    case 'reparent':
      return reparent(doc, change.moves);
    case 'rename':
      return patchField(doc, change.id, 'name', change.name, (old) => ({ type: 'rename', id: change.id, name: old }));
    case 'setParams': {
      let inverse: Change = change;
      const next = patchNodes(doc, [change.id], (node) => {
        const layer = requireLayer(node);
        inverse = { type: 'setParams', id: node.id, params: layer.params };
        return { ...layer, params: change.params };
      });
      return { doc: next, inverse };
    }
    case 'setCollections': {
      let inverse: Change = change;
      const next = patchNodes(doc, [change.id], (node) => {
        const layer = requireLayer(node);
        inverse = { type: 'setCollections', id: node.id, collections: layer.collections };
        return withFields(layer, { collections: change.collections });
      });
      return { doc: next, inverse };
    }
    case 'setArgScope':
      return patchScope(doc, change.id, (scope) => [
        withFields(scope, { argScope: change.argScope }),
        { type: 'setArgScope', id: scope.id, argScope: scope.argScope },
      ]);
    case 'setScopeKind':
      return patchScope(doc, change.id, (scope) => [
        { ...scope, scopeKind: change.scopeKind },
        { type: 'setScopeKind', id: scope.id, scopeKind: scope.scopeKind },
      ]);
    case 'setReuse':
      return patchScope(doc, change.id, (scope) => [
        { ...scope, reuse: change.reuse },
        { type: 'setReuse', id: scope.id, reuse: scope.reuse },
      ]);
    case 'setCollapsed':
      return patchScope(doc, change.id, (scope) => [
        withFields(scope, { collapsed: change.collapsed || undefined }),
        { type: 'setCollapsed', id: scope.id, collapsed: scope.collapsed ?? false },
      ]);
    case 'addEdges':
      return addEdges(doc, change.edges);
    case 'insertEdges':
      return insertEdges(doc, change.edges);
    case 'removeEdges':
      return removeEdges(doc, change.ids);
    case 'setTraining': {
      const old: Partial<TrainingConfig> = {};
      for (const key of Object.keys(change.training) as (keyof TrainingConfig)[]) {
        (old as Record<string, unknown>)[key] = doc.training[key];
      }
      return {
        doc: { ...doc, training: { ...doc.training, ...change.training } },
        inverse: { type: 'setTraining', training: old },
      };
    }
    case 'setTitle':
      return { doc: { ...doc, title: change.title }, inverse: { type: 'setTitle', title: doc.title } };
    case 'setUserCollections':
      return {
        doc: { ...doc, collections: change.collections },
        inverse: { type: 'setUserCollections', collections: doc.collections },
      };
    case 'batch': {
      let current = doc;
      const inverses: Change[] = [];
      for (const inner of change.changes) {
        const applied = applyChange(current, inner);
        current = applied.doc;
        inverses.push(applied.inverse);
      }
      return { doc: current, inverse: { type: 'batch', changes: inverses.reverse() } };
    }
  }
}

/** Applies several changes as one, returning a single `batch` inverse. */
export function applyChanges(doc: ModelDocument, changes: Change[]): AppliedChange {
  return applyChange(doc, { type: 'batch', changes });
}

// ---------------------------------------------------------------------------------------------

/** Copies `node` with `fields` set; a field whose value is `undefined` is removed. */
function withFields<T extends DocNode>(node: T, fields: Partial<T>): T {
  const next = { ...node } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** Replaces the nodes with the given ids by `update(node, indexInIds)`; the rest stay shared. */
function patchNodes(
  doc: ModelDocument,
  ids: string[],
  update: (node: DocNode, indexInIds: number) => DocNode,
): ModelDocument {
  const wanted = new Map(ids.map((id, index) => [id, index]));
  if (wanted.size !== ids.length) throw new ChangeError(`A change lists one node twice: ${ids.join(', ')}`);
  let found = 0;
  const nodes = doc.nodes.map((node) => {
    const index = wanted.get(node.id);
    if (index === undefined) return node;
    found += 1;
    return update(node, index);
  });
  if (found !== ids.length) {
    const missing = ids.filter((id) => !doc.nodes.some((node) => node.id === id));
    throw new ChangeError(`Node not found: ${missing.join(', ')}`);
  }
  return { ...doc, nodes };
}

function patchField(
  doc: ModelDocument,
  id: string,
  field: 'name',
  value: string,
  inverseOf: (old: string) => Change,
): AppliedChange {
  let inverse: Change | undefined;
  const next = patchNodes(doc, [id], (node) => {
    inverse = inverseOf(node[field]);
    return { ...node, [field]: value };
  });
  return { doc: next, inverse: inverse! };
}

function patchScope(
  doc: ModelDocument,
  id: string,
  update: (scope: Extract<DocNode, { kind: 'scope' }>) => [DocNode, Change],
): AppliedChange {
  let inverse: Change | undefined;
  const next = patchNodes(doc, [id], (node) => {
    const [updated, undo] = update(requireScope(node));
    inverse = undo;
    return updated;
  });
  return { doc: next, inverse: inverse! };
}

function requireScope(node: DocNode) {
  if (node.kind !== 'scope') throw new ChangeError(`Node ${node.id} is a layer, not a scope`);
  return node;
}

function requireLayer(node: DocNode) {
  if (node.kind !== 'layer') throw new ChangeError(`Node ${node.id} is a scope, not a layer`);
  return node;
}

function assertNewIds(existing: Iterable<{ id: string }>, added: { id: string }[], what: string): void {
  const ids = new Set<string>();
  for (const item of existing) ids.add(item.id);
  for (const item of added) {
    if (ids.has(item.id)) throw new ChangeError(`${what} id already exists: ${item.id}`);
    ids.add(item.id);
  }
}

function addNodes(doc: ModelDocument, nodes: DocNode[], edges: DocEdge[]): AppliedChange {
  assertNewIds(doc.nodes, nodes, 'Node');
  assertNewIds(doc.edges, edges, 'Edge');
  return {
    doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] },
    inverse: { type: 'removeNodes', ids: nodes.map((node) => node.id) },
  };
}

/** Inserts items so that each ends up at its recorded index (indices refer to the final array). */
function insertAt<T>(items: readonly T[], inserts: { item: T; index: number }[]): T[] {
  const result = [...items];
  for (const { item, index } of [...inserts].sort((a, b) => a.index - b.index)) {
    result.splice(Math.min(index, result.length), 0, item);
  }
  return result;
}

function insertNodes(doc: ModelDocument, nodes: IndexedNode[], edges: IndexedEdge[]): AppliedChange {
  assertNewIds(doc.nodes, nodes.map((entry) => entry.node), 'Node');
  assertNewIds(doc.edges, edges.map((entry) => entry.edge), 'Edge');
  return {
    doc: {
      ...doc,
      nodes: insertAt(doc.nodes, nodes.map(({ node, index }) => ({ item: node, index }))),
      edges: insertAt(doc.edges, edges.map(({ edge, index }) => ({ item: edge, index }))),
    },
    inverse: { type: 'removeNodes', ids: nodes.map((entry) => entry.node.id) },
  };
}

/** Returns the ids plus every node nested in them, at any depth. */
export function withDescendants(nodes: readonly DocNode[], ids: Iterable<string>): Set<string> {
  const result = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of nodes) {
      if (node.parentId !== undefined && result.has(node.parentId) && !result.has(node.id)) {
        result.add(node.id);
        grew = true;
      }
    }
  }
  return result;
}

function removeNodes(doc: ModelDocument, ids: string[]): AppliedChange {
  const known = new Set(doc.nodes.map((node) => node.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new ChangeError(`Node not found: ${missing.join(', ')}`);

  const removed = withDescendants(doc.nodes, ids);
  const removedNodes: IndexedNode[] = [];
  const removedEdges: IndexedEdge[] = [];
  doc.nodes.forEach((node, index) => {
    if (removed.has(node.id)) removedNodes.push({ node, index });
  });
  doc.edges.forEach((edge, index) => {
    if (removed.has(edge.source) || removed.has(edge.target)) removedEdges.push({ edge, index });
  });
  return {
    doc: {
      ...doc,
      nodes: doc.nodes.filter((node) => !removed.has(node.id)),
      edges: doc.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)),
    },
    inverse: { type: 'insertNodes', nodes: removedNodes, edges: removedEdges },
  };
}

function reparent(doc: ModelDocument, moves: NodeReparent[]): AppliedChange {
  const byId = new Map(doc.nodes.map((node) => [node.id, node]));
  for (const move of moves) {
    if (move.parentId === undefined) continue;
    const parent = byId.get(move.parentId);
    if (!parent) throw new ChangeError(`Scope not found: ${move.parentId}`);
    if (parent.kind !== 'scope') throw new ChangeError(`Node ${move.parentId} is a layer, not a scope`);
    // A node may not end up inside itself: walk up from the new parent.
    for (let cursor: DocNode | undefined = parent; cursor; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
      if (cursor.id === move.id) throw new ChangeError(`Cannot move ${move.id} into its own scope ${move.parentId}`);
    }
  }
  const inverse: NodeReparent[] = [];
  const next = patchNodes(doc, moves.map((move) => move.id), (node, index) => {
    const move = moves[index];
    inverse.push({ id: node.id, parentId: node.parentId, position: node.position });
    return withFields(node, { parentId: move.parentId, position: move.position });
  });
  return { doc: next, inverse: { type: 'reparent', moves: inverse } };
}

function addEdges(doc: ModelDocument, edges: DocEdge[]): AppliedChange {
  assertNewIds(doc.edges, edges, 'Edge');
  const known = new Set(doc.nodes.map((node) => node.id));
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      if (!known.has(end)) throw new ChangeError(`Edge ${edge.id} names a missing node: ${end}`);
    }
  }
  return {
    doc: { ...doc, edges: [...doc.edges, ...edges] },
    inverse: { type: 'removeEdges', ids: edges.map((edge) => edge.id) },
  };
}

function insertEdges(doc: ModelDocument, edges: IndexedEdge[]): AppliedChange {
  assertNewIds(doc.edges, edges.map((entry) => entry.edge), 'Edge');
  return {
    doc: { ...doc, edges: insertAt(doc.edges, edges.map(({ edge, index }) => ({ item: edge, index }))) },
    inverse: { type: 'removeEdges', ids: edges.map((entry) => entry.edge.id) },
  };
}

function removeEdges(doc: ModelDocument, ids: string[]): AppliedChange {
  const wanted = new Set(ids);
  const removed: IndexedEdge[] = [];
  doc.edges.forEach((edge, index) => {
    if (wanted.has(edge.id)) removed.push({ edge, index });
  });
  if (removed.length !== wanted.size) {
    const missing = ids.filter((id) => !doc.edges.some((edge) => edge.id === id));
    throw new ChangeError(`Edge not found: ${missing.join(', ')}`);
  }
  return {
    doc: { ...doc, edges: doc.edges.filter((edge) => !wanted.has(edge.id)) },
    inverse: { type: 'insertEdges', edges: removed },
  };
}
