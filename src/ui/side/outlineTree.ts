/** The outline's tree of scopes and layers, filtered by a search over names and op paths. */
import type { Analysis, DocNode } from '../../graph/types';

export interface OutlineItem {
  id: string;
  name: string;
  path: string;
  kind: DocNode['kind'];
  /** Layer type or scope kind. */
  detail: string;
  depth: number;
  /** True when the item itself matches the search (its ancestors are listed for context). */
  match: boolean;
}

/** Flattens the scope tree in document order, keeping matches and their ancestors. */
export function outlineItems(nodes: readonly DocNode[], analysis: Analysis, query: string): OutlineItem[] {
  const needle = query.trim().toLowerCase();
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | undefined, DocNode[]>();
  for (const node of nodes) {
    const parent = node.parentId !== undefined && ids.has(node.parentId) ? node.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const pathOf = (node: DocNode) => analysis.nodes[node.id]?.opPath ?? node.name;
  const matches = (node: DocNode) =>
    needle === '' || node.name.toLowerCase().includes(needle) || pathOf(node).toLowerCase().includes(needle);

  const result: OutlineItem[] = [];
  const visit = (parent: string | undefined, depth: number): boolean => {
    let any = false;
    for (const node of children.get(parent) ?? []) {
      const at = result.length;
      const self = matches(node);
      const inner = visit(node.id, depth + 1);
      if (self || inner) {
        result.splice(at, 0, {
          id: node.id,
          name: node.name,
          path: pathOf(node),
          kind: node.kind,
          detail: node.kind === 'scope' ? node.scopeKind : node.type,
          depth,
          match: self && needle !== '',
        });
        any = true;
      }
    }
    return any;
  };
  visit(undefined, 0);
  return result;
}
