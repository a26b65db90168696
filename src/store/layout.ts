/**
 * Automatic layout, top to bottom, that respects nesting: each scope's direct children are laid out
 * with dagre (innermost scopes first), the scope is sized around them, and then the scope is placed
 * as one box among its own siblings. An edge between nodes in different scopes counts as an edge
 * between the children of their deepest common scope that contain them.
 *
 * dagre is passed in, so the app can load it lazily and tests can import it directly.
 */
import type dagreModule from '@dagrejs/dagre';
import type { ModelDocument, Size } from '../graph/types';
import type { Change, NodeMove } from './changes';
import { ancestorsOf, COLLAPSED_SCOPE_SIZE, indexNodes, nodeSize, SCOPE_PADDING, type MeasuredSizes } from './geometry';

type Dagre = typeof dagreModule;

const NODE_GAP = 40;
const RANK_GAP = 56;

/** Returns the moves and resizes that lay out the whole document. */
export function layoutDocument(dagre: Dagre, doc: ModelDocument, measured: MeasuredSizes): Change[] {
  const index = indexNodes(doc);
  const childrenOf = new Map<string | undefined, string[]>();
  for (const node of doc.nodes) {
    const parent = node.parentId !== undefined && index.has(node.parentId) ? node.parentId : undefined;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), node.id]);
  }

  const sizes = new Map<string, Size>();
  const moves: NodeMove[] = [];
  const changes: Change[] = [];

  /** Returns the child of `container` that contains `id`, or undefined when `id` is not inside `container`. */
  const childWithin = (container: string | undefined, id: string): string | undefined => {
    const chain = [id, ...ancestorsOf(index, id)];
    const position = container === undefined ? chain.length : chain.indexOf(container);
    return position > 0 ? chain[position - 1] : undefined;
  };

  const layoutChildren = (container: string | undefined): Size => {
    const children = childrenOf.get(container) ?? [];
    for (const child of children) {
      const node = index.get(child)!;
      if (node.kind === 'scope') {
        const content = layoutChildren(child);
        const expanded = {
          width: Math.max(content.width + SCOPE_PADDING.left + SCOPE_PADDING.right, COLLAPSED_SCOPE_SIZE.width),
          height: content.height + SCOPE_PADDING.top + SCOPE_PADDING.bottom,
        };
        changes.push({ type: 'resizeScope', id: child, position: node.position, size: expanded });
        sizes.set(child, node.collapsed ? COLLAPSED_SCOPE_SIZE : expanded);
      } else {
        sizes.set(child, nodeSize(node, measured));
      }
    }
    if (children.length === 0) return { width: 0, height: 0 };

    const graph = new dagre.graphlib.Graph();
    graph.setGraph({ rankdir: 'TB', nodesep: NODE_GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0 });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const child of children) graph.setNode(child, { ...sizes.get(child)! });
    for (const edge of doc.edges) {
      const from = childWithin(container, edge.source);
      const to = childWithin(container, edge.target);
      if (from && to && from !== to) graph.setEdge(from, to);
    }
    dagre.layout(graph);

    let right = 0;
    let bottom = 0;
    const offset = container === undefined ? { x: 0, y: 0 } : { x: SCOPE_PADDING.left, y: SCOPE_PADDING.top };
    for (const child of children) {
      const box = graph.node(child);
      const size = sizes.get(child)!;
      const x = box.x - size.width / 2;
      const y = box.y - size.height / 2;
      moves.push({ id: child, position: { x: x + offset.x, y: y + offset.y }, placed: index.get(child)!.placed });
      right = Math.max(right, x + size.width);
      bottom = Math.max(bottom, y + size.height);
    }
    return { width: right, height: bottom };
  };

  layoutChildren(undefined);
  // Resizes come first so that the moves (which carry the final positions) win for scopes.
  return [...changes, { type: 'moveNodes', moves }];
}
