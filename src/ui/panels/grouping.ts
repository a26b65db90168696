/**
 * Groups summary tags into panels, TensorBoard-style: one panel per scope path, and inside a panel
 * one section per next path component (`conv1` for `Encoder/conv1/weights` in the `Encoder` panel).
 */
import type { SummarySpec } from '../../graph/types';

export type SummaryKind = SummarySpec['kind'];

export interface SummaryItem {
  tag: string;
  kind: SummaryKind;
}

export interface SummarySection {
  /** Path component after the scope path, or `''` for tags directly in the scope. */
  prefix: string;
  items: SummaryItem[];
}

export interface SummaryGroup {
  /** Scope path of the panel, `''` at the top level. */
  scopePath: string;
  sections: SummarySection[];
}

/** Test id suffix of the top-level panel, whose scope path is empty. */
export const ROOT_PANEL_ID = '(root)';

export function panelId(scopePath: string): string {
  return scopePath === '' ? ROOT_PANEL_ID : scopePath;
}

/** Tags the worker sent that have no spec yet, by kind. */
export interface ReceivedTags {
  scalars: readonly string[];
  histograms: readonly string[];
  images: readonly string[];
}

/** Returns the scope path of a tag without a spec: everything before its last `/`. */
export function scopePathOfTag(tag: string): string {
  const slash = tag.lastIndexOf('/');
  return slash < 0 ? '' : tag.slice(0, slash);
}

export function sectionPrefix(scopePath: string, tag: string): string {
  const relative = scopePath !== '' && tag.startsWith(scopePath + '/') ? tag.slice(scopePath.length + 1) : tag;
  const slash = relative.indexOf('/');
  return slash < 0 ? '' : relative.slice(0, slash);
}

const KIND_ORDER: Record<SummaryKind, number> = { scalar: 0, histogram: 1, image: 2 };

/**
 * Builds the panels from the analysis' summary specs plus any tag the worker sent without a spec.
 * Panels are sorted by scope path (the root first, a parent before its children), sections by
 * prefix, and items scalars first, then histograms, then images.
 */
export function groupSummaries(specs: readonly SummarySpec[], received?: ReceivedTags): SummaryGroup[] {
  const byScope = new Map<string, Map<string, SummaryItem>>();
  const add = (scopePath: string, tag: string, kind: SummaryKind) => {
    let items = byScope.get(scopePath);
    if (!items) {
      items = new Map();
      byScope.set(scopePath, items);
    }
    const key = `${kind}:${tag}`;
    if (!items.has(key)) items.set(key, { tag, kind });
  };

  const known = new Set<string>();
  for (const spec of specs) {
    add(spec.scopePath, spec.tag, spec.kind);
    known.add(`${spec.kind}:${spec.tag}`);
  }
  if (received) {
    const extra: [readonly string[], SummaryKind][] = [
      [received.scalars, 'scalar'],
      [received.histograms, 'histogram'],
      [received.images, 'image'],
    ];
    for (const [tags, kind] of extra) {
      for (const tag of tags) {
        if (!known.has(`${kind}:${tag}`)) add(scopePathOfTag(tag), tag, kind);
      }
    }
  }

  return [...byScope.entries()]
    .sort(([a], [b]) => compareScopePaths(a, b))
    .map(([scopePath, items]) => ({ scopePath, sections: sectionsOf(scopePath, [...items.values()]) }));
}

function sectionsOf(scopePath: string, items: SummaryItem[]): SummarySection[] {
  const sections = new Map<string, SummaryItem[]>();
  for (const item of items) {
    const prefix = sectionPrefix(scopePath, item.tag);
    const list = sections.get(prefix) ?? [];
    list.push(item);
    sections.set(prefix, list);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([prefix, list]) => ({
      prefix,
      items: list.sort((x, y) => KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.tag.localeCompare(y.tag)),
    }));
}

/** Orders scope paths component by component, so `a` < `a/b` < `a_1`. */
export function compareScopePaths(a: string, b: string): number {
  const left = a === '' ? [] : a.split('/');
  const right = b === '' ? [] : b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = left[i].localeCompare(right[i]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** Tags of the combined loss chart. */
export const TOTAL_LOSS_TAG = 'total_loss';
export const REGULARIZATION_LOSS_TAG = 'regularization_loss';

/**
 * Lists the curves of the loss chart in drawing order: `total_loss`, each loss term (the `LOSSES`
 * collection's op paths) and `regularization_loss`, each only when a spec or received data names it.
 */
export function lossCurveTags(
  lossTerms: readonly string[],
  specs: readonly SummarySpec[],
  receivedScalars: readonly string[],
): string[] {
  const available = new Set([...specs.filter((s) => s.kind === 'scalar').map((s) => s.tag), ...receivedScalars]);
  const ordered = [TOTAL_LOSS_TAG, ...lossTerms, REGULARIZATION_LOSS_TAG];
  return [...new Set(ordered)].filter((tag) => available.has(tag));
}

/**
 * Picks the summary a collapsed scope node shows as a sparkline: the first scalar in the scope or
 * below it, otherwise its first histogram. Returns undefined for a scope without summaries.
 */
export function mainSummaryOf(specs: readonly SummarySpec[], scopePath: string): SummaryItem | undefined {
  const inside = specs.filter(
    (s) => s.scopePath === scopePath || s.scopePath.startsWith(scopePath + '/') || scopePath === '',
  );
  const scalar = inside.find((s) => s.kind === 'scalar');
  if (scalar) return { tag: scalar.tag, kind: 'scalar' };
  const histogram = inside.find((s) => s.kind === 'histogram');
  if (histogram) return { tag: histogram.tag, kind: 'histogram' };
  return undefined;
}
