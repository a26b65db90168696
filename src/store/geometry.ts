/**
 * Canvas geometry over the document: absolute positions, boxes, the scope under a point, and the
 * edits that keep scopes around their contents. Positions in the document are relative to the
 * parent scope (React Flow's convention), so every absolute value here walks up the parents.
 */
import type { DocNode, ModelDocument, ScopeNode, Size, XY } from '../graph/types';
import { applyChange, type Change, type NodeMove, type NodeReparent } from './changes';
import { PLACEMENT_GAP } from './placement';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Space kept between a scope's border and its contents; the top leaves room for the header. */
export const SCOPE_PADDING = { top: 56, right: 24, bottom: 24, left: 24 } as const;

/** Box of a collapsed scope on the canvas. */
export const COLLAPSED_SCOPE_SIZE: Size = { width: 260, height: 84 };

/** Box assumed for a layer that the canvas has not measured yet. */
export const DEFAULT_LAYER_SIZE: Size = { width: 240, height: 80 };

/** Measured layer boxes by node id; scopes take their size from the document. */
export type MeasuredSizes = Readonly<Record<string, Size | undefined>>;

export type NodeIndex = ReadonlyMap<string, DocNode>;

export function indexNodes(doc: ModelDocument): NodeIndex {
  return new Map(doc.nodes.map((node) => [node.id, node]));
}

export function nodeSize(node: DocNode, measured: MeasuredSizes): Size {
  if (node.kind === 'scope') return node.collapsed ? COLLAPSED_SCOPE_SIZE : node.size;
  return measured[node.id] ?? DEFAULT_LAYER_SIZE;
}

/** Scope ids from the node's parent outwards. */
export function ancestorsOf(index: NodeIndex, id: string): string[] {
  const result: string[] = [];
  const seen = new Set<string>([id]);
  let parentId = index.get(id)?.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    result.push(parentId);
    seen.add(parentId);
    parentId = index.get(parentId)?.parentId;
  }
  return result;
}

export function absolutePosition(index: NodeIndex, id: string): XY {
  let x = 0;
  let y = 0;
  for (const ownerId of [id, ...ancestorsOf(index, id)]) {
    const owner = index.get(ownerId);
    if (!owner) break;
    x += owner.position.x;
    y += owner.position.y;
  }
  return { x, y };
}

export function absoluteRect(index: NodeIndex, id: string, measured: MeasuredSizes): Rect {
  const node = index.get(id);
  if (!node) throw new Error(`Node not found: ${id}`);
  return { ...absolutePosition(index, id), ...nodeSize(node, measured) };
}

export function unionRects(rects: Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** True when `point` lies outside `rect` or less than `margin` inside its border. */
export function nearOrOutsideEdge(rect: Rect, point: XY, margin: number): boolean {
  const inner = { x: rect.x + margin, y: rect.y + margin, width: rect.width - 2 * margin, height: rect.height - 2 * margin };
  return !contains(inner, point);
}

function contains(rect: Rect, point: XY): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** True when a collapsed scope hides the node (the node itself may be collapsed and still shown). */
export function isHidden(index: NodeIndex, id: string): boolean {
  return ancestorsOf(index, id).some((ancestorId) => {
    const ancestor = index.get(ancestorId);
    return ancestor?.kind === 'scope' && ancestor.collapsed === true;
  });
}

/**
 * Returns the innermost expanded, visible scope containing `point` (absolute), skipping `exclude`
 * and everything inside it, or undefined for the top level.
 */
export function scopeAt(
  doc: ModelDocument,
  point: XY,
  measured: MeasuredSizes,
  exclude: ReadonlySet<string> = new Set(),
): string | undefined {
  const index = indexNodes(doc);
  let best: { id: string; depth: number } | undefined;
  for (const node of doc.nodes) {
    if (node.kind !== 'scope' || node.collapsed || isHidden(index, node.id)) continue;
    const ancestors = ancestorsOf(index, node.id);
    if (exclude.has(node.id) || ancestors.some((id) => exclude.has(id))) continue;
    if (!contains(absoluteRect(index, node.id, measured), point)) continue;
    if (!best || ancestors.length >= best.depth) best = { id: node.id, depth: ancestors.length };
  }
  return best?.id;
}

/** Moves `id` into `parentId` (or the top level) without moving it on screen. */
export function reparentInPlace(index: NodeIndex, id: string, parentId: string | undefined): NodeReparent {
  const absolute = absolutePosition(index, id);
  const origin = parentId === undefined ? { x: 0, y: 0 } : absolutePosition(index, parentId);
  return { id, parentId, position: { x: absolute.x - origin.x, y: absolute.y - origin.y } };
}

/**
 * Grows every scope around the given nodes, innermost first, until each contains its contents with
 * padding. A scope that grows to the left or upwards moves, and its children shift back so that
 * nothing else moves on screen. Returns the edits, or an empty list when everything already fits.
 */
export function growAncestors(doc: ModelDocument, ids: readonly string[], measured: MeasuredSizes): Change[] {
  const changes: Change[] = [];
  let current = doc;
  const pending = new Set<string>();
  const index0 = indexNodes(doc);
  for (const id of ids) for (const ancestor of ancestorsOf(index0, id)) pending.add(ancestor);

  // Innermost scopes first: a deeper scope's growth can make its parent grow too.
  const ordered = [...pending].sort((a, b) => ancestorsOf(index0, b).length - ancestorsOf(index0, a).length);
  for (const scopeId of ordered) {
    const index = indexNodes(current);
    const scopeNode = index.get(scopeId);
    if (scopeNode?.kind !== 'scope' || scopeNode.collapsed) continue;
    const children = current.nodes.filter((node) => node.parentId === scopeId);
    const content = unionRects(children.map((child) => absoluteRect(index, child.id, measured)));
    if (!content) continue;

    const box = absoluteRect(index, scopeId, measured);
    const left = Math.min(box.x, content.x - SCOPE_PADDING.left);
    const top = Math.min(box.y, content.y - SCOPE_PADDING.top);
    const right = Math.max(box.x + box.width, content.x + content.width + SCOPE_PADDING.right);
    const bottom = Math.max(box.y + box.height, content.y + content.height + SCOPE_PADDING.bottom);
    if (left === box.x && top === box.y && right === box.x + box.width && bottom === box.y + box.height) continue;

    const dx = box.x - left;
    const dy = box.y - top;
    const step: Change[] = [
      {
        type: 'resizeScope',
        id: scopeId,
        position: { x: scopeNode.position.x - dx, y: scopeNode.position.y - dy },
        size: { width: right - left, height: bottom - top },
      },
    ];
    if (dx !== 0 || dy !== 0) {
      step.push({
        type: 'moveNodes',
        moves: children.map((child) => ({
          id: child.id,
          position: { x: child.position.x + dx, y: child.position.y + dy },
          placed: child.placed,
        })),
      });
    }
    for (const change of step) current = applyChange(current, change).doc;
    changes.push(...step);
  }
  return changes;
}

/** Drops the ids that sit inside another listed scope, keeping only the outermost selected nodes. */
export function topLevelOf(index: NodeIndex, ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return [...set].filter((id) => index.has(id) && !ancestorsOf(index, id).some((ancestor) => set.has(ancestor)));
}

/** Returns the deepest scope that contains every listed node, or undefined for the top level. */
export function commonParent(index: NodeIndex, ids: readonly string[]): string | undefined {
  if (ids.length === 0) return undefined;
  const chains = ids.map((id) => ancestorsOf(index, id));
  return chains[0].find((candidate) => chains.every((chain) => chain.includes(candidate)));
}

/**
 * Wraps the given nodes in a new scope placed in their deepest common scope, sized around them.
 * When the new scope's header would cover a sibling above the nodes, the nodes and every sibling
 * at or below their top move down to make room. The enclosing scopes grow when the new one needs
 * more room.
 */
export function wrapInScope(
  doc: ModelDocument,
  ids: readonly string[],
  scope: Pick<ScopeNode, 'id' | 'name' | 'scopeKind'>,
  measured: MeasuredSizes,
): Change[] {
  const index = indexNodes(doc);
  const members = topLevelOf(index, ids);
  const bounds = unionRects(members.map((id) => absoluteRect(index, id, measured)));
  if (!bounds) return [];

  const parentId = commonParent(index, members);
  const origin = parentId === undefined ? { x: 0, y: 0 } : absolutePosition(index, parentId);
  const scopeX = bounds.x - SCOPE_PADDING.left;
  const memberSet = new Set(members);
  const siblings = doc.nodes.filter((node) => node.parentId === parentId && !memberSet.has(node.id) && !isHidden(index, node.id));
  const headerRect = { x: scopeX, y: bounds.y - SCOPE_PADDING.top, width: bounds.width + SCOPE_PADDING.left + SCOPE_PADDING.right, height: SCOPE_PADDING.top };
  let shift = 0;
  for (const sibling of siblings) {
    const rect = absoluteRect(index, sibling.id, measured);
    const overlapsHeader =
      rect.y < bounds.y &&
      rect.x < headerRect.x + headerRect.width &&
      headerRect.x < rect.x + rect.width &&
      rect.y + rect.height + PLACEMENT_GAP > headerRect.y;
    if (overlapsHeader) shift = Math.max(shift, rect.y + rect.height + PLACEMENT_GAP - headerRect.y);
  }
  const scopeY = bounds.y - SCOPE_PADDING.top + shift;
  const newScope: ScopeNode = {
    id: scope.id,
    name: scope.name,
    kind: 'scope',
    scopeKind: scope.scopeKind,
    reuse: false,
    position: { x: scopeX - origin.x, y: scopeY - origin.y },
    size: {
      width: bounds.width + SCOPE_PADDING.left + SCOPE_PADDING.right,
      height: bounds.height + SCOPE_PADDING.top + SCOPE_PADDING.bottom,
    },
    placed: true,
    ...(parentId === undefined ? {} : { parentId }),
  };
  const changes: Change[] = [
    { type: 'addNodes', nodes: [newScope] },
    {
      type: 'reparent',
      moves: members.map((id) => {
        const absolute = absolutePosition(index, id);
        return { id, parentId: scope.id, position: { x: absolute.x - scopeX, y: absolute.y + shift - scopeY } };
      }),
    },
  ];
  const shifted: NodeMove[] = siblings
    .filter((sibling) => shift > 0 && absolutePosition(index, sibling.id).y >= bounds.y)
    .map((sibling) => ({ id: sibling.id, position: { x: sibling.position.x, y: sibling.position.y + shift }, placed: sibling.placed }));
  if (shifted.length > 0) changes.push({ type: 'moveNodes', moves: shifted });
  const wrapped = changes.reduce((current, change) => applyChange(current, change).doc, doc);
  return [...changes, ...growAncestors(wrapped, [scope.id], measured)];
}

/** Moves a scope's children to its parent without moving them on screen, then removes the scope. */
export function ungroup(doc: ModelDocument, scopeId: string): Change[] {
  const index = indexNodes(doc);
  const scopeNode = index.get(scopeId);
  if (scopeNode?.kind !== 'scope') return [];
  const children = doc.nodes.filter((node) => node.parentId === scopeId);
  const changes: Change[] = [];
  if (children.length > 0) {
    changes.push({
      type: 'reparent',
      moves: children.map((child) => reparentInPlace(index, child.id, scopeNode.parentId)),
    });
  }
  changes.push({ type: 'removeNodes', ids: [scopeId] });
  return changes;
}

/**
 * Collapses or expands a scope and closes or reopens the space it leaves. Collapsing moves every
 * sibling below the scope up by the height it loses and shrinks each enclosing scope by as much,
 * level by level up to the top. Expanding reverses the same moves, and nodes beside the scope stay.
 */
export function setCollapsedChanges(doc: ModelDocument, scopeId: string, collapsed: boolean): Change[] {
  const index = indexNodes(doc);
  const scopeNode = index.get(scopeId);
  if (scopeNode?.kind !== 'scope' || (scopeNode.collapsed === true) === collapsed) return [];
  const changes: Change[] = [{ type: 'setCollapsed', id: scopeId, collapsed }];
  const delta = scopeNode.size.height - COLLAPSED_SCOPE_SIZE.height;
  if (delta <= 0 || isHidden(index, scopeId)) return changes;

  // Siblings at or below the changing box's bottom edge (relative to its parent) move with it.
  const shift = collapsed ? -delta : delta;
  let childId = scopeId;
  let bottom = scopeNode.position.y + (collapsed ? scopeNode.size.height : COLLAPSED_SCOPE_SIZE.height);
  for (;;) {
    const child = index.get(childId)!;
    const moves: NodeMove[] = doc.nodes
      .filter((node) => node.parentId === child.parentId && node.id !== childId && node.position.y >= bottom)
      .map((node) => ({ id: node.id, position: { x: node.position.x, y: node.position.y + shift }, placed: node.placed }));
    if (moves.length > 0) changes.push({ type: 'moveNodes', moves });
    const parent = child.parentId === undefined ? undefined : index.get(child.parentId);
    if (parent?.kind !== 'scope' || parent.collapsed) break;
    changes.push({
      type: 'resizeScope',
      id: parent.id,
      position: parent.position,
      size: { width: parent.size.width, height: parent.size.height + shift },
    });
    bottom = parent.position.y + parent.size.height;
    childId = parent.id;
  }
  return changes;
}
