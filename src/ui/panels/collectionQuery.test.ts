import { describe, expect, it } from 'vitest';
import type { Analysis, CollectionItem } from '../../graph/types';
import { collectionItems, collectionKeys, compileScopeFilter } from './collectionQuery';

const item = (name: string): CollectionItem => ({ name, kind: 'variable', nodeId: name });

const analysis = {
  collections: {
    TRAINABLE_VARIABLES: [item('Encoder/conv1/weights:0'), item('Decoder/fc/weights:0'), item('MyEncoder/w:0')],
    batch_norm: [item('Encoder/conv1/BatchNorm/gamma:0')],
  },
} as unknown as Analysis;

function names(key: string, scope: string): string[] {
  return collectionItems(analysis, key, compileScopeFilter(scope)).map((i) => i.name);
}

describe('compileScopeFilter', () => {
  it('keeps everything for an empty scope', () => {
    expect(names('TRAINABLE_VARIABLES', '')).toHaveLength(3);
  });

  it('matches from the start only', () => {
    expect(names('TRAINABLE_VARIABLES', 'Encoder')).toEqual(['Encoder/conv1/weights:0']);
  });

  it('treats the scope as a regular expression', () => {
    expect(names('TRAINABLE_VARIABLES', '.*Encoder')).toEqual(['Encoder/conv1/weights:0', 'MyEncoder/w:0']);
  });

  it('anchors every alternative', () => {
    expect(names('TRAINABLE_VARIABLES', 'Decoder|w:0')).toEqual(['Decoder/fc/weights:0']);
  });

  it('reports an invalid pattern', () => {
    const filter = compileScopeFilter('Encoder(');
    expect(filter.ok).toBe(false);
    expect(collectionItems(analysis, 'TRAINABLE_VARIABLES', filter)).toEqual([]);
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
