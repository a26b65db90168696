/**
 * The canonical form of a document: what a share link keeps. Ids are re-derived from positions in
 * the node and edge lists, automatic layout is dropped (positions and scope sizes of nodes the user
 * never moved), and optional fields that hold their default are left out. Decoding a link always
 * returns a canonical document, so `decode(encode(doc))` equals `canonicalizeDocument(doc)`.
 */
import type { DocEdge, DocNode, ModelDocument, Params } from '../graph/types';

/** Id of the node at `index` in a decoded document. Stable: the same link always gives the same ids. */
export function sharedNodeId(index: number): string {
  return `s${index}`;
}

export function sharedEdgeId(index: number): string {
  return `se${index}`;
}

export function canonicalizeDocument(doc: ModelDocument): ModelDocument {
  const idMap = new Map<string, string>();
  doc.nodes.forEach((node, index) => idMap.set(node.id, sharedNodeId(index)));
  const remap = (id: string) => idMap.get(id) ?? id;

  const nodes = doc.nodes.map((node, index): DocNode => {
    const base = {
      id: sharedNodeId(index),
      name: node.name,
      ...(node.parentId !== undefined ? { parentId: remap(node.parentId) } : {}),
      position: node.placed ? { x: node.position.x, y: node.position.y } : { x: 0, y: 0 },
      ...(node.placed ? { placed: true } : {}),
    };
    if (node.kind === 'scope') {
      return {
        ...base,
        kind: 'scope',
        scopeKind: node.scopeKind,
        reuse: node.reuse,
        size: node.placed ? { width: node.size.width, height: node.size.height } : { width: 0, height: 0 },
        ...(node.collapsed ? { collapsed: true } : {}),
        ...(node.argScope && node.argScope.length > 0
          ? { argScope: node.argScope.map((entry) => ({ layerTypes: [...entry.layerTypes], params: copyParams(entry.params) })) }
          : {}),
      };
    }
    return {
      ...base,
      kind: 'layer',
      type: node.type,
      params: copyParams(node.params),
      ...(node.collections && node.collections.length > 0 ? { collections: [...node.collections] } : {}),
    };
  });

  const edges = doc.edges.map(
    (edge, index): DocEdge => ({
      id: sharedEdgeId(index),
      source: remap(edge.source),
      ...(edge.sourceHandle !== undefined ? { sourceHandle: edge.sourceHandle } : {}),
      target: remap(edge.target),
      ...(edge.targetHandle !== undefined ? { targetHandle: edge.targetHandle } : {}),
    }),
  );

  return {
    version: doc.version,
    title: doc.title,
    nodes,
    edges,
    collections: [...doc.collections],
    training: { ...doc.training },
  };
}

function copyParams(params: Params): Params {
  const copy: Params = {};
  for (const [key, value] of Object.entries(params)) copy[key] = Array.isArray(value) ? [...value] : value;
  return copy;
}
