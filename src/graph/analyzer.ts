/**
 * TF's `model_analyzer.analyze_vars`: one line per variable with its dtype, shape, size and bytes,
 * the totals, and (a ScopeFlow addition) subtotals for every scope prefix of the variable names.
 */
import { GraphKeys } from './graph-keys';
import { getCollection } from './queries';
import type { Analysis, VariableInfo } from './types';

export interface AnalyzeVarsOptions {
  /** Regular expression matched from the start of each variable name, as in `get_collection`. */
  scope?: string;
  /** Collection to list; GLOBAL_VARIABLES by default. */
  collection?: string;
}

export interface AnalyzeVarsRow {
  name: string;
  dtype: 'float32';
  shape: number[];
  size: number;
  bytes: number;
  collections: string[];
}

export interface AnalyzeVarsSubtotal {
  /** A prefix of variable names, such as `vgg_16/conv1`. */
  scope: string;
  size: number;
  bytes: number;
  count: number;
}

export interface AnalyzeVarsResult {
  rows: AnalyzeVarsRow[];
  totalSize: number;
  totalBytes: number;
  /** Subtotals in first-appearance order of their scope. */
  subtotals: AnalyzeVarsSubtotal[];
}

/** Lists the variables of a collection, filtered by scope. Throws InvalidScopePatternError for a bad scope. */
export function analyzeVars(analysis: Analysis, options: AnalyzeVarsOptions = {}): AnalyzeVarsResult {
  const byName = new Map<string, VariableInfo>(analysis.variables.map((variable) => [variable.name, variable]));
  const items = getCollection(analysis, options.collection ?? GraphKeys.GLOBAL_VARIABLES, options.scope);

  const rows: AnalyzeVarsRow[] = [];
  const subtotals = new Map<string, AnalyzeVarsSubtotal>();
  let totalSize = 0;
  let totalBytes = 0;
  for (const item of items) {
    const variable = byName.get(item.name);
    if (!variable) continue;
    rows.push({
      name: variable.name,
      dtype: variable.dtype,
      shape: [...variable.shape],
      size: variable.size,
      bytes: variable.bytes,
      collections: [...variable.collections],
    });
    totalSize += variable.size;
    totalBytes += variable.bytes;

    const parts = variable.baseName.split('/');
    for (let length = 1; length < parts.length; length += 1) {
      const scope = parts.slice(0, length).join('/');
      const subtotal = subtotals.get(scope) ?? { scope, size: 0, bytes: 0, count: 0 };
      subtotal.size += variable.size;
      subtotal.bytes += variable.bytes;
      subtotal.count += 1;
      subtotals.set(scope, subtotal);
    }
  }
  return { rows, totalSize, totalBytes, subtotals: [...subtotals.values()] };
}

/**
 * Formats the result as TF prints it (`name (float32_ref 3x3x1x16) [144, bytes: 576]`), then the
 * per-scope subtotals.
 */
export function formatAnalyzeVars(result: AnalyzeVarsResult, options: { subtotals?: boolean } = {}): string {
  const lines = ['---------', 'Variables: name (type shape) [size]', '---------'];
  for (const row of result.rows) {
    lines.push(`${row.name} (${row.dtype}_ref ${row.shape.join('x')}) [${row.size}, bytes: ${row.bytes}]`);
  }
  lines.push(`Total size of variables: ${result.totalSize}`);
  lines.push(`Total bytes of variables: ${result.totalBytes}`);
  if (options.subtotals !== false && result.subtotals.length > 0) {
    lines.push('---------', 'Subtotals: scope [size, bytes]', '---------');
    for (const subtotal of result.subtotals) {
      lines.push(`${subtotal.scope} [${subtotal.size}, bytes: ${subtotal.bytes}]`);
    }
  }
  return lines.join('\n');
}

/** Returns the JSON form `{"variables":[{name, dtype, shape, size, bytes, collections}], "totalSize", "totalBytes"}`. */
export function analyzeVarsJson(result: AnalyzeVarsResult): { variables: AnalyzeVarsRow[]; totalSize: number; totalBytes: number } {
  return { variables: result.rows, totalSize: result.totalSize, totalBytes: result.totalBytes };
}
