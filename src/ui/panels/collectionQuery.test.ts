import { describe, expect, it } from 'vitest';
import type { Analysis, CollectionItem } from '../../graph/types';
import { collectionKeys, queryCollection } from './collectionQuery';

const item = (name: string): CollectionItem => ({ name, kind: 'variable', nodeId: name });

const analysis = {
  collections: {
    TRAINABLE_VARIABLES: [item('Encoder/conv1/weights:0'), item('Decoder/fc/weights:0'), item('MyEncoder/w:0')],
    batch_norm: [item('Encoder/conv1/BatchNorm/gamma:0')],
  },
} as unknown as Analysis;

function names(key: string, scope: string): string[] {
  const result = queryCollection(analysis, key, scope);
  return result.ok ? result.items.map((i) => i.name) : [];
}

describe('queryCollection', () => {
  it('keeps everything for an empty scope', () => {
    expect(names('TRAINABLE_VARIABLES', '')).toHaveLength(3);
  });

  it('matches from the start only', () => {
    expect(names('TRAINABLE_VARIABLES', 'Encoder')).toEqual(['Encoder/conv1/weights:0']);
  });

  it('treats the scope as a regular expression', () => {
    expect(names('TRAINABLE_VARIABLES', '.*Encoder')).toEqual(['Encoder/conv1/weights:0', 'MyEncoder/w:0']);
  });

  it('returns an invalid pattern as a problem', () => {
    const result = queryCollection(analysis, 'TRAINABLE_VARIABLES', 'Encoder(');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.values.pattern).toBe('Encoder(');
  });

  it('returns nothing for an unknown key', () => {
    expect(names('NO_SUCH_KEY', '')).toEqual([]);
  });
});

describe('collectionKeys', () => {
  it('lists standard keys then user collections', () => {
    const keys = collectionKeys(analysis, ['zeta']);
    expect(keys.standard[0]).toBe('GLOBAL_VARIABLES');
    expect(keys.standard).toContain('REGULARIZATION_LOSSES');
    expect(keys.user).toEqual(['batch_norm', 'zeta']);
  });
});
