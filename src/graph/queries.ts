/**
 * Collection and variable queries with TF1 / TF-Slim semantics
 * (`tf.get_collection` and `tensorflow/contrib/framework/python/ops/variables.py`).
 * A `scope` is a regular expression matched from the start of each name, as Python's `re.match`.
 */
import { GraphKeys } from './graph-keys';
import { makeProblem, type Problem } from './problems';
import type { Analysis, CollectionItem, VariableInfo } from './types';

/** Thrown for a scope or suffix that is not a valid regular expression. */
export class InvalidScopePatternError extends Error {
  readonly problem: Problem;

  constructor(pattern: string, reason: string) {
    const problem = makeProblem('graph.query.invalidPattern', { pattern, reason });
    super(problem.message);
    this.name = 'InvalidScopePatternError';
    this.problem = problem;
  }
}

/** Returns the problem with `pattern` as a scope regex, or null when it compiles. */
export function validateScopePattern(pattern: string): Problem | null {
  try {
    compileScope(pattern);
    return null;
  } catch (error) {
    if (error instanceof InvalidScopePatternError) return error.problem;
    throw error;
  }
}

function compileScope(pattern: string): RegExp {
  try {
    // `re.match(scope, name)` anchors the whole pattern, alternatives included, at the start.
    return new RegExp(`^(?:${pattern})`);
  } catch (error) {
    throw new InvalidScopePatternError(pattern, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Returns the items of collection `key` whose name matches `scope` from the start, as
 * `tf.get_collection(key, scope)` does. An unknown key has no items. Throws
 * InvalidScopePatternError for an invalid pattern.
 */
export function getCollection(analysis: Analysis, key: string, scope?: string): CollectionItem[] {
  const items = analysis.collections[key] ?? [];
  if (!scope) return [...items];
  const pattern = compileScope(scope);
  return items.filter((item) => pattern.test(item.name));
}

export interface VariableQuery {
  scope?: string;
  suffix?: string;
  collection?: string;
}

function variablesOf(analysis: Analysis, items: CollectionItem[]): VariableInfo[] {
  const byName = new Map(analysis.variables.map((variable) => [variable.name, variable]));
  return items.flatMap((item) => (item.kind === 'variable' && byName.has(item.name) ? [byName.get(item.name)!] : []));
}

/**
 * Returns variables as TF-Slim's `get_variables(scope, suffix, collection=GLOBAL_VARIABLES)` does.
 * A suffix extends the pattern to `scope + '.*' + suffix`.
 */
export function getVariables(analysis: Analysis, query: VariableQuery = {}): VariableInfo[] {
  let scope = query.scope;
  if (query.suffix) scope = `${scope ?? ''}.*${query.suffix}`;
  return variablesOf(analysis, getCollection(analysis, query.collection ?? GraphKeys.GLOBAL_VARIABLES, scope));
}

/** Returns `getVariables` over MODEL_VARIABLES, as TF-Slim's `get_model_variables(scope, suffix)`. */
export function getModelVariables(analysis: Analysis, scope?: string, suffix?: string): VariableInfo[] {
  return getVariables(analysis, { scope, suffix, collection: GraphKeys.MODEL_VARIABLES });
}

/** Returns the variables whose name matches `scope.*suffix`, as TF-Slim's `get_variables_by_suffix`. */
export function getVariablesBySuffix(analysis: Analysis, suffix: string, scope?: string): VariableInfo[] {
  return getVariables(analysis, { scope, suffix });
}

/**
 * Returns the variables whose short name is `givenName`, as TF-Slim's
 * `get_variables_by_name(given_name, scope)`. It uses TF-Slim's suffix `'/' + name + ':|^' + name + ':'`.
 */
export function getVariablesByName(analysis: Analysis, givenName: string, scope?: string): VariableInfo[] {
  return getVariables(analysis, { scope, suffix: `/${givenName}:|^${givenName}:` });
}

/**
 * Returns the variables of each `include` scope (all global variables without `include`), minus
 * those of any `exclude` scope, in include order, as TF-Slim's `get_variables_to_restore`.
 */
export function getVariablesToRestore(analysis: Analysis, options: { include?: string[]; exclude?: string[] } = {}): VariableInfo[] {
  const included = options.include === undefined ? getVariables(analysis) : options.include.flatMap((scope) => getVariables(analysis, { scope }));
  const excluded = new Set((options.exclude ?? []).flatMap((scope) => getVariables(analysis, { scope })).map((variable) => variable.name));
  return included.filter((variable) => !excluded.has(variable.name));
}
