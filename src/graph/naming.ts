/**
 * Names: TF's name validation, op-path uniquification of re-entered scopes, default layer names and
 * the rename check the UI runs before it applies a rename.
 */
import { getLayerSpec } from './catalogue';
import { makeDiagnostic } from './problems';
import type { Diagnostic, DocNode, ModelDocument, ScopeNode } from './types';

/** TF's pattern for a scope name (`_VALID_SCOPE_NAME_REGEX`); op and layer names follow it too. */
export const NAME_PATTERN = /^[A-Za-z0-9.][A-Za-z0-9_.\-]*$/;

/** Maximum name length, so that paths and share URLs stay bounded. */
export const MAX_NAME_LENGTH = 128;

/**
 * TF's `Graph.unique_name`: the first use of a name keeps it, later uses get `_1`, `_2`, …, skipping
 * suffixed names already in use. Keys are full paths compared case-insensitively, as in TF.
 */
export class UniqueNames {
  private readonly inUse = new Map<string, number>();

  unique(prefix: string, name: string): string {
    const full = prefix ? `${prefix}/${name}` : name;
    const baseKey = full.toLowerCase();
    let count = this.inUse.get(baseKey) ?? 0;
    this.inUse.set(baseKey, count + 1);
    if (count === 0) return full;

    let key = `${baseKey}_${count}`;
    while (this.inUse.has(key)) {
      count += 1;
      key = `${baseKey}_${count}`;
    }
    this.inUse.set(key, 1);
    return `${full}_${count}`;
  }
}

/** Returns an `invalid-name` diagnostic when `name` is not a valid TF scope or layer name, else null. */
export function validateName(name: string): Diagnostic | null {
  if (name.length === 0) return makeDiagnostic('invalid-name', 'error', {}, 'graph.name.empty', {});
  if (name.length > MAX_NAME_LENGTH) {
    return makeDiagnostic('invalid-name', 'error', {}, 'graph.name.tooLong', { name: name.slice(0, 40) + '…', max: MAX_NAME_LENGTH });
  }
  if (!NAME_PATTERN.test(name)) {
    return makeDiagnostic('invalid-name', 'error', {}, 'graph.name.invalid', { name, suggestion: sanitizeName(name) });
  }
  return null;
}

/** Replaces characters TF rejects with `_`, so that an error can suggest a valid name. */
export function sanitizeName(name: string): string {
  let cleaned = name.replace(/[^A-Za-z0-9_.\-]/g, '_').slice(0, MAX_NAME_LENGTH);
  if (!/^[A-Za-z0-9.]/.test(cleaned)) cleaned = `n${cleaned}`.slice(0, MAX_NAME_LENGTH);
  return cleaned;
}

/**
 * Effective `reuse` of the variable scope that `scopeId` opens, or false at the top level.
 * As in TF1, a scope whose reuse is false inherits the reuse of the enclosing variable scope;
 * name_scopes have no reuse of their own.
 */
export function effectiveReuse(nodesById: ReadonlyMap<string, DocNode>, scopeId: string | undefined): boolean | 'auto' {
  let current = scopeId ? nodesById.get(scopeId) : undefined;
  const seen = new Set<string>();
  while (current && current.kind === 'scope' && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.scopeKind === 'variable_scope' && current.reuse !== false) return current.reuse;
    current = current.parentId ? nodesById.get(current.parentId) : undefined;
  }
  return false;
}

/**
 * Returns whether two sibling nodes may use one name. Sibling scopes may, because the second one
 * re-enters the scope. Sibling layers may only inside a reusing scope, where the second one shares
 * the first one's variables.
 */
export function mayShareName(a: DocNode, b: DocNode, parentReuse: boolean | 'auto'): boolean {
  if (a.kind === 'scope' && b.kind === 'scope') return true;
  if (a.kind === 'layer' && b.kind === 'layer') return parentReuse !== false;
  return false;
}

function siblingsOf(doc: ModelDocument, parentId: string | undefined): DocNode[] {
  return doc.nodes.filter((node) => node.parentId === parentId);
}

function scopeLabel(doc: ModelDocument, parentId: string | undefined): string {
  if (!parentId) return '/';
  return doc.nodes.find((node) => node.id === parentId)?.name ?? parentId;
}

/**
 * Checks a rename before it is applied: the name must be valid and must not clash with a sibling
 * (see `mayShareName`). Returns the diagnostic to show, or null when the rename is allowed.
 */
export function validateRename(doc: ModelDocument, nodeId: string, name: string): Diagnostic | null {
  const invalid = validateName(name);
  if (invalid) return { ...invalid, nodeId };

  const node = doc.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return null;

  const nodesById = new Map(doc.nodes.map((candidate) => [candidate.id, candidate]));
  const reuse = effectiveReuse(nodesById, node.parentId);
  const renamed = { ...node, name } as DocNode;
  const clash = siblingsOf(doc, node.parentId).find(
    (sibling) => sibling.id !== nodeId && sibling.name === name && !mayShareName(renamed, sibling, reuse),
  );
  if (!clash) return null;

  const usedNames = new Set(siblingsOf(doc, node.parentId).map((sibling) => sibling.name));
  return makeDiagnostic('duplicate-name', 'error', { nodeId }, duplicateNameKey(renamed, clash), {
    name,
    scope: scopeLabel(doc, node.parentId),
    suggestion: nextFreeName(name, usedNames),
  });
}

/** Returns the message key for a name clash: two layers can share through reuse, a layer and a scope cannot. */
export function duplicateNameKey(node: DocNode, clash: DocNode): string {
  return node.kind === clash.kind ? 'graph.name.duplicate' : 'graph.name.duplicateKind';
}

/** `name` if free, else `name_1`, `name_2`, … (TF's suffix style). */
function nextFreeName(name: string, usedNames: ReadonlySet<string>): string {
  if (!usedNames.has(name)) return name;
  for (let index = 1; ; index += 1) {
    const candidate = `${name}_${index}`;
    if (!usedNames.has(candidate)) return candidate;
  }
}

/**
 * Suggests a TF-Slim style name for a new layer of `type` inside `parentId`. Numbered bases count
 * from 1 (`conv1`, `conv2`, `fc1`). Inside a scope named like `conv3`, they follow TF-Slim's
 * `repeat` style (`conv3_1`, `conv3_2`). Other bases start bare (`flatten`, `flatten_1`).
 */
export function suggestLayerName(doc: ModelDocument, type: string, parentId?: string): string {
  const spec = getLayerSpec(type);
  const base = spec?.defaultName ?? (type.toLowerCase() || 'layer');
  const usedNames = new Set(siblingsOf(doc, parentId).map((sibling) => sibling.name));

  if (spec?.numberedNames) {
    const parent = parentId ? doc.nodes.find((node) => node.id === parentId) : undefined;
    const repeatPrefix = parent && new RegExp(`^${base}\\d+$`).test(parent.name) ? `${parent.name}_` : base;
    for (let index = 1; ; index += 1) {
      const candidate = `${repeatPrefix}${index}`;
      if (!usedNames.has(candidate)) return candidate;
    }
  }
  return nextFreeName(base, usedNames);
}

/** Suggests a name for a new scope inside `parentId`: `base`, then `base_1`, `base_2`, …. */
export function suggestScopeName(doc: ModelDocument, parentId?: string, base = 'scope'): string {
  const usedNames = new Set(siblingsOf(doc, parentId).map((sibling) => sibling.name));
  return nextFreeName(base, usedNames);
}

/**
 * Returns a document whose names are valid and whose sibling layers have unique names where
 * sharing is not intended, renaming later duplicates to `name_1`, `name_2`, …. Returns `doc`
 * itself when nothing needed a change. Use it on imported documents before they reach the compiler.
 */
export function uniquifyNames(doc: ModelDocument): ModelDocument {
  const nodesById = new Map(doc.nodes.map((node) => [node.id, node]));
  const usedNamesByParent = new Map<string | undefined, Set<string>>();
  for (const node of doc.nodes) {
    const usedNames = usedNamesByParent.get(node.parentId) ?? new Set<string>();
    usedNames.add(node.name);
    usedNamesByParent.set(node.parentId, usedNames);
  }

  const earlierSiblingsByParent = new Map<string | undefined, DocNode[]>();
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const earlierSiblings = earlierSiblingsByParent.get(node.parentId) ?? [];
    earlierSiblingsByParent.set(node.parentId, earlierSiblings);
    const usedNames = usedNamesByParent.get(node.parentId)!;
    const reuse = effectiveReuse(nodesById, node.parentId);

    let name = node.name;
    if (validateName(name)) {
      const fallback = node.kind === 'scope' ? 'scope' : 'layer';
      name = sanitizeName(name || fallback);
    }
    const clashes = (candidate: string) =>
      earlierSiblings.some((other) => other.name === candidate && !mayShareName({ ...node, name: candidate } as DocNode, other, reuse));
    if (name !== node.name || clashes(name)) {
      if (clashes(name) || (name !== node.name && usedNames.has(name))) name = nextFreeName(name, usedNames);
      usedNames.add(name);
    }
    const result = name === node.name ? node : ({ ...node, name } as DocNode);
    if (result !== node) changed = true;
    earlierSiblings.push(result);
    return result;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function isScope(node: DocNode | undefined): node is ScopeNode {
  return node?.kind === 'scope';
}
