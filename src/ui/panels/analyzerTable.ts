/**
 * The analyzer panel's table: `model_analyzer.analyze_vars` rows, filtered by scope and collection,
 * grouped under the scope that contains each variable's layer, with subtotals and totals.
 */
import type { Analysis, VariableInfo } from '../../graph/types';
import type { ScopeFilter } from './collectionQuery';

export interface AnalyzerRow {
  name: string;
  /** TF's `dtype shape` text, for example `float32_ref 3x3x1x32`. */
  typeAndShape: string;
  size: number;
  bytes: number;
  ownerId: string;
}

export interface AnalyzerGroup {
  /** Scope path of the variables' layers, `''` at the top level. */
  scopePath: string;
  rows: AnalyzerRow[];
  size: number;
  bytes: number;
}

export interface AnalyzerTable {
  groups: AnalyzerGroup[];
  size: number;
  bytes: number;
}

/** Formats one variable as `analyze_vars` prints it: `name (float32_ref 3x3x1x32) [288, bytes: 1152]`. */
export function formatAnalyzerLine(row: AnalyzerRow): string {
  return `${row.name} (${row.typeAndShape}) [${row.size}, bytes: ${row.bytes}]`;
}

function typeAndShapeOf(variable: VariableInfo): string {
  return `${variable.dtype}_ref ${variable.shape.join('x')}`;
}

/** Returns the scope that contains the variable's layer: its variable path without the layer name. */
function scopePathOf(analysis: Analysis, variable: VariableInfo): string {
  const layerPath = analysis.nodes[variable.ownerId]?.variablePath ?? variable.baseName.slice(0, variable.baseName.lastIndexOf('/'));
  const slash = layerPath.lastIndexOf('/');
  return slash < 0 ? '' : layerPath.slice(0, slash);
}

/**
 * Builds the table from the variables that match `scope` (from the start of the name) and, when
 * `collection` is set, belong to that collection. Groups keep the order of first appearance.
 */
export function buildAnalyzerTable(analysis: Analysis, scope: ScopeFilter, collection?: string): AnalyzerTable {
  const members = collection === undefined ? undefined : new Set((analysis.collections[collection] ?? []).map((item) => item.name));
  const groups = new Map<string, AnalyzerGroup>();
  let size = 0;
  let bytes = 0;

  for (const variable of analysis.variables) {
    if (!scope.ok || !scope.matches(variable.name)) continue;
    if (members && !members.has(variable.name)) continue;
    const scopePath = scopePathOf(analysis, variable);
    let group = groups.get(scopePath);
    if (!group) {
      group = { scopePath, rows: [], size: 0, bytes: 0 };
      groups.set(scopePath, group);
    }
    group.rows.push({
      name: variable.name,
      typeAndShape: typeAndShapeOf(variable),
      size: variable.size,
      bytes: variable.bytes,
      ownerId: variable.ownerId,
    });
    group.size += variable.size;
    group.bytes += variable.bytes;
    size += variable.size;
    bytes += variable.bytes;
  }
  return { groups: [...groups.values()], size, bytes };
}

/** Formats the table as `analyze_vars(print_info=True)` prints it, for copying. */
export function formatAnalyzerTable(table: AnalyzerTable): string {
  const lines = ['---------', 'Variables: name (type shape) [size]', '---------'];
  for (const group of table.groups) for (const row of group.rows) lines.push(formatAnalyzerLine(row));
  lines.push(`Total size of variables: ${table.size}`, `Total bytes of variables: ${table.bytes}`);
  return lines.join('\n');
}
