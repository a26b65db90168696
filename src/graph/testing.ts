/** Helpers for graph tests: look up analysis results by TF names instead of node ids. */
import type { Analysis, NodeInfo, VariableInfo } from './types';

export function nodeByPath(analysis: Analysis, opPath: string): NodeInfo {
  const info = Object.values(analysis.nodes).find((candidate) => candidate.opPath === opPath);
  if (!info) throw new Error(`no node with op path ${opPath}; paths: ${Object.values(analysis.nodes).map((node) => node.opPath).join(', ')}`);
  return info;
}

export function variableNames(analysis: Analysis): string[] {
  return analysis.variables.map((variable) => variable.name);
}

export function variable(analysis: Analysis, name: string): VariableInfo {
  const found = analysis.variables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no variable ${name}; variables: ${variableNames(analysis).join(', ')}`);
  return found;
}

export function diagnosticCodes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((diagnostic) => diagnostic.code);
}

/** Diagnostics other than `no-loss`, for tests of graphs that deliberately have no loss. */
export function errorsBesidesNoLoss(analysis: Analysis): string[] {
  return analysis.diagnostics.filter((diagnostic) => diagnostic.code !== 'no-loss').map((diagnostic) => diagnostic.message);
}
