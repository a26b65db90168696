/** The collections panel's query and the list of collection keys it offers. */
import { STANDARD_COLLECTIONS } from '../../graph/graph-keys';
import type { Problem } from '../../graph/problems';
import { getCollection, InvalidScopePatternError } from '../../graph/queries';
import type { Analysis, CollectionItem } from '../../graph/types';

export type CollectionQuery = { ok: true; items: CollectionItem[] } | { ok: false; problem: Problem };

/** Runs `get_collection(key, scope)`, returning an invalid scope pattern as a problem to show. */
export function queryCollection(analysis: Analysis, key: string, scope: string): CollectionQuery {
  try {
    return { ok: true, items: getCollection(analysis, key, scope) };
  } catch (error) {
    if (error instanceof InvalidScopePatternError) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** Lists the standard keys in `tf.GraphKeys` order, then the user collections, sorted. */
export function collectionKeys(analysis: Analysis, userCollections: readonly string[]): { standard: string[]; user: string[] } {
  const standard: string[] = [...STANDARD_COLLECTIONS];
  const user = new Set(userCollections);
  for (const key of Object.keys(analysis.collections)) {
    if (!standard.includes(key)) user.add(key);
  }
  return { standard, user: [...user].sort() };
}
