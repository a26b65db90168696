/**
 * The collections panel's query: TF1's `get_collection(key, scope)` over the analysis, plus the
 * list of keys to offer.
 */
import { STANDARD_COLLECTIONS } from '../../graph/graph-keys';
import type { Analysis, CollectionItem } from '../../graph/types';

export type ScopeFilter = { ok: true; matches: (name: string) => boolean } | { ok: false; detail: string };

/**
 * Compiles a scope filter the way `get_collection` applies it: Python's `re.match`, a regular
 * expression anchored at the start of the name only. An empty scope keeps every item.
 */
export function compileScopeFilter(scope: string): ScopeFilter {
  if (scope === '') return { ok: true, matches: () => true };
  try {
    // The group keeps an alternation like `a|b` anchored as a whole.
    const pattern = new RegExp(`^(?:${scope})`);
    return { ok: true, matches: (name) => pattern.test(name) };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Returns the items of one collection whose name matches `filter`, in collection order. */
export function collectionItems(analysis: Analysis, key: string, filter: ScopeFilter): CollectionItem[] {
  if (!filter.ok) return [];
  return (analysis.collections[key] ?? []).filter((item) => filter.matches(item.name));
}

/** Lists the standard keys in `tf.GraphKeys` order, then the user collections, sorted. */
export function collectionKeys(analysis: Analysis, userCollections: readonly string[]): { standard: string[]; user: string[] } {
  const standard = [...STANDARD_COLLECTIONS];
  const user = new Set(userCollections);
  for (const key of Object.keys(analysis.collections)) {
    if (!(standard as string[]).includes(key)) user.add(key);
  }
  return { standard, user: [...user].sort() };
}
