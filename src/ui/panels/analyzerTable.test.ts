import { describe, expect, it } from 'vitest';
import type { Analysis, VariableInfo } from '../../graph/types';
import { buildAnalyzerTable, formatAnalyzerLine, formatAnalyzerTable } from './analyzerTable';
import { compileScopeFilter } from './collectionQuery';

function variable(baseName: string, shape: number[], ownerId: string): VariableInfo {
  const size = shape.reduce((a, b) => a * b, 1);
  const shortName = baseName.split('/').at(-1)!;
  return { name: `${baseName}:0`, baseName, shortName, dtype: 'float32', shape, size, bytes: size * 4, trainable: true, ownerId, sharedBy: [], collections: [] };
}

// The R1 convnet's variables in one scope, with a top-level dense layer.
const analysis = {
  nodes: {
    conv1: { variablePath: 'Net/conv1' },
    conv2: { variablePath: 'Net/conv2' },
    fc: { variablePath: 'fc' },
  },
  variables: [
    variable('Net/conv1/weights', [3, 3, 1, 32], 'conv1'),
    variable('Net/conv1/biases', [32], 'conv1'),
    variable('Net/conv2/weights', [3, 3, 32, 64], 'conv2'),
    variable('Net/conv2/biases', [64], 'conv2'),
    variable('fc/weights', [1600, 10], 'fc'),
    variable('fc/biases', [10], 'fc'),
  ],
  collections: { WEIGHTS: [{ name: 'Net/conv1/weights:0' }, { name: 'Net/conv2/weights:0' }, { name: 'fc/weights:0' }] },
} as unknown as Analysis;

const all = compileScopeFilter('');

describe('buildAnalyzerTable', () => {
  it('totals every variable', () => {
    const table = buildAnalyzerTable(analysis, all);
    expect(table.size).toBe(34_826);
    expect(table.bytes).toBe(139_304);
  });

  it('subtotals per scope', () => {
    const table = buildAnalyzerTable(analysis, all);
    expect(table.groups.map((g) => [g.scopePath, g.size])).toEqual([
      ['Net', 18_816],
      ['', 16_010],
    ]);
  });

  it('filters by scope from the start', () => {
    const table = buildAnalyzerTable(analysis, compileScopeFilter('Net/conv2'));
    expect(table.groups[0].rows.map((r) => r.name)).toEqual(['Net/conv2/weights:0', 'Net/conv2/biases:0']);
    expect(table.size).toBe(18_496);
  });

  it('filters by collection', () => {
    const table = buildAnalyzerTable(analysis, all, 'WEIGHTS');
    expect(table.size).toBe(288 + 18_432 + 16_000);
  });

  it('is empty for an invalid scope', () => {
    expect(buildAnalyzerTable(analysis, compileScopeFilter('(')).groups).toEqual([]);
  });
});

describe('formatAnalyzerLine', () => {
  it('prints like analyze_vars', () => {
    const row = buildAnalyzerTable(analysis, all).groups[0].rows[0];
    expect(formatAnalyzerLine(row)).toBe('Net/conv1/weights:0 (float32_ref 3x3x1x32) [288, bytes: 1152]');
  });
});

describe('formatAnalyzerTable', () => {
  it('ends with the totals', () => {
    const text = formatAnalyzerTable(buildAnalyzerTable(analysis, all));
    expect(text.split('\n').slice(-2)).toEqual(['Total size of variables: 34826', 'Total bytes of variables: 139304']);
  });
});
