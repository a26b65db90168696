import dagre from '@dagrejs/dagre';
import { describe, expect, it } from 'vitest';
import { applyChange } from './changes';
import { absoluteRect, indexNodes } from './geometry';
import { layoutDocument } from './layout';
import { documentOf, edge, layer, scope } from './testing';

describe('layoutDocument', () => {
  it('lays out nested scopes top to bottom around their contents', () => {
    const doc = documentOf(
      [
        layer('c', 'Dense', { parentId: 'inner' }),
        scope('inner', { parentId: 'outer' }),
        layer('a', 'MnistInput'),
        scope('outer'),
        layer('b', 'Dense', { parentId: 'inner' }),
        layer('d', 'Dense'),
      ],
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')],
    );
    const result = applyChange(doc, { type: 'batch', changes: layoutDocument(dagre, doc, {}) }).doc;
    const index = indexNodes(result);
    const rect = (id: string) => absoluteRect(index, id, {});

    expect(rect('a').y).toBeLessThan(rect('outer').y);
    expect(rect('b').y).toBeLessThan(rect('c').y);
    expect(rect('outer').y + rect('outer').height).toBeLessThan(rect('d').y);
    for (const [inner, outer] of [
      ['b', 'inner'],
      ['c', 'inner'],
      ['inner', 'outer'],
    ]) {
      expect(rect(inner).x).toBeGreaterThan(rect(outer).x);
      expect(rect(inner).y).toBeGreaterThan(rect(outer).y);
      expect(rect(inner).x + rect(inner).width).toBeLessThan(rect(outer).x + rect(outer).width);
      expect(rect(inner).y + rect(inner).height).toBeLessThan(rect(outer).y + rect(outer).height);
    }
  });
});
