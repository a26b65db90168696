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
): { resolved: Record<string, ResolvedParam>; unknownArgScope: { scope: ScopeNode; param: string }[] } {
  const resolved: Record<string, ResolvedParam> = {};
  for (const param of spec.params) resolved[param.name] = { value: param.default, source: DEFAULT_SOURCE };

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
      }
    }
  }

  for (const [name, value] of Object.entries(node.params)) {
    if (name in resolved) resolved[name] = { value, source: NODE_SOURCE };
  }
  return { resolved, unknownArgScope };
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

function checkRange(spec: ParamSpec, value: number, values: () => Record<string, string | number>): Problem | null {
  const belowMin = spec.min !== undefined && value < spec.min;
  const aboveMax = spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max);
  if (!belowMin && !aboveMax) return null;
  if (spec.max === undefined) return makeProblem('graph.param.min', { ...values(), min: spec.min! });
  const range = `${spec.min ?? '-∞'} … ${spec.max}${spec.maxExclusive ? ' (exclusive)' : ''}`;
  return makeProblem('graph.param.range', { ...values(), range });
}

/**
 * Returns the normalised value of one parameter (a single number for a two-item `ints` becomes a
 * pair) or the problem with it. `node` names the layer in messages.
 */
export function validateParam(spec: ParamSpec, value: ParamValue, node: string): { value: ParamValue } | Problem {
  // Built only on failure: this runs for every parameter of every layer on each analysis.
  const values = () => ({ node, param: spec.name, value: describe(value) });
  switch (spec.kind) {
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return makeProblem('graph.param.int', values());
      return checkRange(spec, value, values) ?? { value };
    }
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return makeProblem('graph.param.float', values());
      return checkRange(spec, value, values) ?? { value };
    }
    case 'bool':
      return typeof value === 'boolean' ? { value } : makeProblem('graph.param.bool', values());
    case 'enum':
      if (typeof value === 'string' && spec.options?.includes(value)) return { value };
      return makeProblem('graph.param.enum', { ...values(), options: (spec.options ?? []).join(', ') });
    case 'ints': {
      const list = typeof value === 'number' && spec.length ? new Array<number>(spec.length).fill(value) : value;
      const lengthText = spec.length ? String(spec.length) : '1+';
      const intsProblem = () => makeProblem('graph.param.ints', { ...values(), length: lengthText });
      if (!Array.isArray(list) || list.length === 0 || list.length > 8) return intsProblem();
      if (spec.length !== undefined && list.length !== spec.length) return intsProblem();
      if (!list.every((item) => typeof item === 'number' && Number.isInteger(item))) return intsProblem();
      for (const item of list) {
        const problem = checkRange(spec, item, values);
        if (problem) return problem;
      }
      return { value: [...list] };
    }
    case 'string':
      if (typeof value !== 'string') return makeProblem('graph.param.string', values());
      return validateString(spec, value, node) ?? { value };
  }
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
