/**
 * Copy and paste of nodes as pure functions. A copy contains the selected nodes, everything inside the
 * selected scopes and the edges between copied nodes. Pasting gives every node a new id, remaps
 * parents and inner edges, and offsets only the top-level pasted nodes (children move with them).
 */
import type { DocEdge, DocNode, ModelDocument, XY } from '../graph/types';
import { withDescendants, type Change } from './changes';
import { absolutePosition, indexNodes, topLevelOf } from './geometry';

export interface ClipboardContent {
  nodes: DocNode[];
  edges: DocEdge[];
  /** Ids of the copied nodes that are not inside another copied node. */
  roots: string[];
  /** Absolute positions of the roots, used when their scope no longer exists at paste time. */
  rootPositions: Record<string, XY>;
}

export function copyNodes(doc: ModelDocument, ids: readonly string[]): ClipboardContent | null {
  const index = indexNodes(doc);
  const roots = topLevelOf(index, ids);
  if (roots.length === 0) return null;
  const included = withDescendants(doc.nodes, roots);
  return {
    nodes: doc.nodes.filter((node) => included.has(node.id)),
    edges: doc.edges.filter((edge) => included.has(edge.source) && included.has(edge.target)),
    roots,
    rootPositions: Object.fromEntries(roots.map((id) => [id, absolutePosition(index, id)])),
  };
}

function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let suffix = 1; taken.has(candidate); suffix += 1) candidate = `${name}_${suffix}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Returns the change that pastes `content` into `doc`, shifted by `offset`, and the new ids of the
 * pasted roots. Roots keep their scope when it still exists and get a name that is free there.
 */
export function pasteChange(
  doc: ModelDocument,
  content: ClipboardContent,
  offset: XY,
  makeId: (prefix: string, taken: (id: string) => boolean) => string,
): { change: Change; roots: string[] } {
  const usedNodeIds = new Set(doc.nodes.map((node) => node.id));
  const usedEdgeIds = new Set(doc.edges.map((edge) => edge.id));
  const idMap = new Map<string, string>();
  for (const node of content.nodes) {
    const id = makeId(node.kind === 'scope' ? 's' : 'n', (candidate) => usedNodeIds.has(candidate));
    usedNodeIds.add(id);
    idMap.set(node.id, id);
  }

  const existing = new Set(doc.nodes.map((node) => node.id));
  const roots = new Set(content.roots);
  const takenByParent = new Map<string | undefined, Set<string>>();
  const takenIn = (parentId: string | undefined) => {
    let taken = takenByParent.get(parentId);
    if (!taken) {
      taken = new Set(doc.nodes.filter((node) => node.parentId === parentId).map((node) => node.name));
      takenByParent.set(parentId, taken);
    }
    return taken;
  };

  const nodes = content.nodes.map((node): DocNode => {
    const id = idMap.get(node.id)!;
    if (!roots.has(node.id)) return { ...node, id, parentId: idMap.get(node.parentId!)! };
    const keepParent = node.parentId !== undefined && existing.has(node.parentId);
    const base = keepParent ? node.position : content.rootPositions[node.id];
    const parentId = keepParent ? node.parentId : undefined;
    const { parentId: _dropped, ...rest } = node;
    return {
      ...rest,
      id,
      name: freeName(node.name, takenIn(parentId)),
      position: { x: base.x + offset.x, y: base.y + offset.y },
      placed: true,
      ...(parentId === undefined ? {} : { parentId }),
    } as DocNode;
  });

  const edges = content.edges.map((edge) => {
    const id = makeId('e', (candidate) => usedEdgeIds.has(candidate));
    usedEdgeIds.add(id);
    return { ...edge, id, source: idMap.get(edge.source)!, target: idMap.get(edge.target)! };
  });

  return {
    change: { type: 'addNodes', nodes, edges },
    roots: content.roots.map((id) => idMap.get(id)!),
  };
}
