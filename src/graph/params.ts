/**
 * Parameter resolution (catalogue default < arg_scope of outer scopes < inner scopes < node value)
 * and validation of each resolved value against its catalogue entry.
 */
import type { LayerSpec, ParamSpec } from './catalogue';
import { parseInitializer } from './initializers';
import { makeProblem, type Problem } from './problems';
import { isProblem, parseRegularizer } from './regularizers';
import type { LayerNode, ParamSource, ParamValue, Params, ResolvedParam, ScopeNode } from './types';

// Shared, frozen source records: a 1,000-layer analysis would otherwise allocate one per parameter.
const DEFAULT_SOURCE: ParamSource = Object.freeze({ from: 'default' });
const NODE_SOURCE: ParamSource = Object.freeze({ from: 'node' });

/** Pattern of a user collection name, such as `batch_norm` or `my.vars`. */
export const COLLECTION_NAME_PATTERN = /^[A-Za-z0-9_.\-/]+$/;

/**
 * Resolves every catalogue parameter of `node`. `ancestors` run from the outermost scope to the
 * node's parent, and `scopePaths` gives each scope's op path for the source shown in the inspector.
 * Arg_scope values that the layer type does not accept are returned in `unknownArgScope`.
 */
export function resolveParams(
  node: LayerNode,
  spec: LayerSpec,
  ancestors: readonly ScopeNode[],
  scopePaths: ReadonlyMap<string, string>,
): { resolved: Record<string, ResolvedParam>; values: Params; unknownArgScope: { scope: ScopeNode; param: string }[] } {
  const defaults = defaultsOf(spec);
  const resolved: Record<string, ResolvedParam> = { ...defaults.resolved };
  const values: Params = { ...defaults.values };

  const unknownArgScope: { scope: ScopeNode; param: string }[] = [];
  for (const scope of ancestors) {
    let source: ParamSource | undefined;
    for (const entry of scope.argScope ?? []) {
      if (!entry.layerTypes.includes(node.type)) continue;
      source ??= { from: 'arg_scope', scopeId: scope.id, scopePath: scopePaths.get(scope.id) ?? scope.name };
      for (const [name, value] of Object.entries(entry.params)) {
        if (!(name in resolved)) {
          unknownArgScope.push({ scope, param: name });
          continue;
        }
        resolved[name] = { value, source };
        values[name] = value;
      }
    }
  }

  for (const [name, value] of Object.entries(node.params)) {
    if (!(name in resolved)) continue;
    resolved[name] = { value, source: NODE_SOURCE };
    values[name] = value;
  }
  return { resolved, values, unknownArgScope };
}

/** Resolved defaults per layer type, built once and copied per layer (they are frozen, so sharing is safe). */
const defaultsBySpec = new WeakMap<LayerSpec, { resolved: Record<string, ResolvedParam>; values: Params }>();

function defaultsOf(spec: LayerSpec): { resolved: Record<string, ResolvedParam>; values: Params } {
  let defaults = defaultsBySpec.get(spec);
  if (!defaults) {
    const resolved: Record<string, ResolvedParam> = {};
    const values: Params = {};
    for (const param of spec.params) {
      resolved[param.name] = Object.freeze({ value: param.default, source: DEFAULT_SOURCE });
      values[param.name] = param.default;
    }
    defaults = { resolved, values };
    defaultsBySpec.set(spec, defaults);
  }
  return defaults;
}

/** Plain values of resolved parameters. */
export function paramValues(resolved: Record<string, ResolvedParam>): Params {
  const values: Params = {};
  for (const [name, param] of Object.entries(resolved)) values[name] = param.value;
  return values;
}

function describe(value: ParamValue): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

function checkRange(spec: ParamSpec, item: number, value: ParamValue, node: string): Problem | null {
  const belowMin = spec.min !== undefined && item < spec.min;
  const aboveMax = spec.max !== undefined && (spec.maxExclusive ? item >= spec.max : item > spec.max);
  if (!belowMin && !aboveMax) return null;
  if (spec.max === undefined) return makeProblem('graph.param.min', { ...problemValues(spec, value, node), min: spec.min! });
  const range = `${spec.min ?? '-∞'} … ${spec.max}${spec.maxExclusive ? ' (exclusive)' : ''}`;
  return makeProblem('graph.param.range', { ...problemValues(spec, value, node), range });
}

/** Message values naming the layer, the parameter and the rejected value. */
function problemValues(spec: ParamSpec, value: ParamValue, node: string): Record<string, string> {
  return { node, param: spec.name, value: describe(value) };
}

/**
 * Returns the normalised value of one parameter (a single number for a two-item `ints` becomes a
 * pair) or the problem with it. `node` names the layer in messages.
 */
export function validateParam(spec: ParamSpec, value: ParamValue, node: string): { value: ParamValue } | Problem {
  return checkParam(spec, value, node) ?? { value: normalizeParam(spec, value) };
}

/** Returns `value` in its canonical form: a single number for an `ints` of fixed length becomes a list. */
export function normalizeParam(spec: ParamSpec, value: ParamValue): ParamValue {
  if (spec.kind === 'ints' && typeof value === 'number' && spec.length) return new Array<number>(spec.length).fill(value);
  return value;
}

/** Returns the problem with one parameter value, or null when it is valid. */
export function checkParam(spec: ParamSpec, value: ParamValue, node: string): Problem | null {
  // No closures or message values here unless a check fails: this runs for every parameter of
  // every layer on each analysis.
  switch (spec.kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return makeProblem('graph.param.int', problemValues(spec, value, node));
      return checkRange(spec, value, value, node);
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return makeProblem('graph.param.float', problemValues(spec, value, node));
      return checkRange(spec, value, value, node);
    case 'bool':
      return typeof value === 'boolean' ? null : makeProblem('graph.param.bool', problemValues(spec, value, node));
    case 'enum':
      if (typeof value === 'string' && spec.options?.includes(value)) return null;
      return makeProblem('graph.param.enum', { ...problemValues(spec, value, node), options: (spec.options ?? []).join(', ') });
    case 'ints':
      return checkInts(spec, value, node);
    case 'string':
      if (typeof value !== 'string') return makeProblem('graph.param.string', problemValues(spec, value, node));
      return validateString(spec, value, node);
  }
}

function checkInts(spec: ParamSpec, value: ParamValue, node: string): Problem | null {
  const list = normalizeParam(spec, value);
  let valid = Array.isArray(list) && list.length >= (spec.minLength ?? 1) && list.length <= 8;
  if (valid && spec.length !== undefined && (list as number[]).length !== spec.length) valid = false;
  if (valid && !(list as unknown[]).every((item) => typeof item === 'number' && Number.isInteger(item))) valid = false;
  if (!valid) {
    const length = spec.length ? String(spec.length) : '1+';
    return makeProblem('graph.param.ints', { ...problemValues(spec, value, node), length });
  }
  for (const item of list as number[]) {
    const problem = checkRange(spec, item, value, node);
    if (problem) return problem;
  }
  return null;
}

function validateString(spec: ParamSpec, value: string, node: string): Problem | null {
  const context = { node, param: spec.name };
  if (spec.format === 'initializer') {
    const parsed = parseInitializer(value, context);
    return isProblem(parsed) ? parsed : null;
  }
  if (spec.format === 'regularizer') {
    const parsed = parseRegularizer(value, context);
    return isProblem(parsed) ? parsed : null;
  }
  if (spec.format === 'collections') {
    const bad = parseCollectionList(value).find((name) => !COLLECTION_NAME_PATTERN.test(name));
    return bad === undefined ? null : makeProblem('graph.param.collection', { ...context, value: bad });
  }
  return null;
}

/** Splits a `variables_collections` text (`batch_norm, my_vars`) into collection names. */
export function parseCollectionList(text: string): string[] {
  if (text === '') return [];
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
