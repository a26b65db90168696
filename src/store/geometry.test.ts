import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../graph/types';
import { applyChange, type Change } from './changes';
import {
  absoluteRect,
  DEFAULT_LAYER_SIZE,
  growAncestors,
  indexNodes,
  nearOrOutsideEdge,
  SCOPE_PADDING,
  scopeAt,
  setCollapsedChanges,
  ungroup,
  wrapInScope,
  type Rect,
} from './geometry';
import { documentOf, layer, sampleDocument, scope } from './testing';

function applyAll(doc: ModelDocument, changes: Change[]): ModelDocument {
  return changes.reduce((current, change) => applyChange(current, change).doc, doc);
}

function rectOf(doc: ModelDocument, id: string): Rect {
  return absoluteRect(indexNodes(doc), id, {});
}

function expectInside(inner: Rect, outer: Rect) {
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y).toBeGreaterThanOrEqual(outer.y);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height);
}

describe('growAncestors', () => {
  it('grows every ancestor when a layer passes the outer edge', () => {
    // Classifier spans x 100..600; move conv1 (inside Encoder) to absolute x 900.
    const moved = applyChange(sampleDocument(), {
      type: 'moveNodes',
      moves: [{ id: 'conv1', position: { x: 900 - 124, y: 56 } }],
    }).doc;
    const doc = applyAll(moved, growAncestors(moved, ['conv1'], {}));
    const conv = rectOf(doc, 'conv1');
    expect(conv.x).toBe(900);
    expectInside(conv, rectOf(doc, 'Encoder'));
    expectInside(rectOf(doc, 'Encoder'), rectOf(doc, 'Classifier'));
    expect(rectOf(doc, 'Classifier').x + rectOf(doc, 'Classifier').width).toBe(
      900 + DEFAULT_LAYER_SIZE.width + 2 * SCOPE_PADDING.right,
    );
  });

  it('grows to the left without moving anything on screen', () => {
    const moved = applyChange(sampleDocument(), {
      type: 'moveNodes',
      moves: [{ id: 'conv1', position: { x: -300, y: 56 } }],
    }).doc;
    const before = rectOf(moved, 'conv1');
    const doc = applyAll(moved, growAncestors(moved, ['conv1'], {}));
    expect(rectOf(doc, 'conv1')).toEqual(before);
    expectInside(rectOf(doc, 'conv1'), rectOf(doc, 'Encoder'));
    expectInside(rectOf(doc, 'Encoder'), rectOf(doc, 'Classifier'));
  });

  it('returns nothing when the contents fit', () => {
    expect(growAncestors(sampleDocument(), ['conv1'], {})).toEqual([]);
  });
});

describe('scopeAt', () => {
  it('finds the innermost scope', () => {
    const doc = sampleDocument();
    expect(scopeAt(doc, { x: 130, y: 160 }, {})).toBe('Encoder');
    expect(scopeAt(doc, { x: 590, y: 490 }, {})).toBe('Classifier');
    expect(scopeAt(doc, { x: -50, y: -50 }, {})).toBeUndefined();
  });

  it('skips excluded and collapsed scopes', () => {
    const doc = sampleDocument();
    expect(scopeAt(doc, { x: 130, y: 160 }, {}, new Set(['Encoder']))).toBe('Classifier');
    const collapsed = applyChange(doc, { type: 'setCollapsed', id: 'Encoder', collapsed: true }).doc;
    expect(scopeAt(collapsed, { x: 130, y: 160 }, {})).toBe('Classifier');
  });
});

describe('wrapInScope', () => {
  it('wraps layers of one scope without moving them', () => {
    const doc = documentOf([
      scope('Outer', { position: { x: 0, y: 0 }, size: { width: 1000, height: 600 } }),
      layer('a', 'Dense', { parentId: 'Outer', position: { x: 100, y: 100 } }),
      layer('b', 'Dense', { parentId: 'Outer', position: { x: 100, y: 300 } }),
    ]);
    const wrapped = applyAll(doc, wrapInScope(doc, ['a', 'b'], { id: 'S', name: 'block', scopeKind: 'name_scope' }, {}));
    const index = indexNodes(wrapped);
    expect(index.get('S')).toMatchObject({ parentId: 'Outer', name: 'block', scopeKind: 'name_scope' });
    expect(index.get('a')?.parentId).toBe('S');
    expect(rectOf(wrapped, 'a')).toEqual(rectOf(doc, 'a'));
    expect(rectOf(wrapped, 'b')).toEqual(rectOf(doc, 'b'));
    expectInside(rectOf(wrapped, 'S'), rectOf(wrapped, 'Outer'));
  });

  it('makes room for the header below the layer above', () => {
    // fc1 ends at y 180; logits starts 40 px below, less than the header's 56 px.
    const doc = documentOf([
      scope('Head', { position: { x: 0, y: 0 }, size: { width: 400, height: 600 } }),
      layer('fc1', 'Dense', { parentId: 'Head', position: { x: 40, y: 100 } }),
      layer('logits', 'Dense', { parentId: 'Head', position: { x: 40, y: 220 } }),
      layer('after', 'Dense', { parentId: 'Head', position: { x: 40, y: 340 } }),
    ]);
    const wrapped = applyAll(doc, wrapInScope(doc, ['logits'], { id: 'S', name: 's', scopeKind: 'variable_scope' }, {}));
    const fc1 = rectOf(wrapped, 'fc1');
    const wrapper = rectOf(wrapped, 'S');
    expect(wrapper.y).toBeGreaterThanOrEqual(fc1.y + fc1.height);
    expect(rectOf(wrapped, 'fc1')).toEqual(rectOf(doc, 'fc1'));
    // The layer below moves down with the wrapped one and stays clear of the new scope.
    expect(rectOf(wrapped, 'after').y).toBeGreaterThanOrEqual(wrapper.y + wrapper.height);
    expectInside(wrapper, rectOf(wrapped, 'Head'));
  });

  it('uses the common scope of nodes from different scopes', () => {
    const doc = sampleDocument();
    const wrapped = applyAll(doc, wrapInScope(doc, ['conv1', 'fc'], { id: 'S', name: 's', scopeKind: 'variable_scope' }, {}));
    expect(indexNodes(wrapped).get('S')?.parentId).toBeUndefined();
    // conv1 keeps its column; it may move down to make room for the header.
    expect(rectOf(wrapped, 'conv1').x).toBe(rectOf(doc, 'conv1').x);
    expect(rectOf(wrapped, 'conv1').y).toBeGreaterThanOrEqual(rectOf(doc, 'conv1').y);
  });
});

describe('ungroup', () => {
  it('keeps children in place', () => {
    const doc = sampleDocument();
    const result = applyAll(doc, ungroup(doc, 'Encoder'));
    const index = indexNodes(result);
    expect(index.has('Encoder')).toBe(false);
    expect(index.get('conv1')?.parentId).toBe('Classifier');
    expect(rectOf(result, 'conv1')).toEqual(rectOf(doc, 'conv1'));
    expect(result.edges).toHaveLength(2);
  });
});

describe('setCollapsedChanges', () => {
  const stacked = () =>
    documentOf([
      scope('Outer', { position: { x: 0, y: 0 }, size: { width: 400, height: 800 } }),
      scope('Inner', { parentId: 'Outer', position: { x: 24, y: 56 }, size: { width: 300, height: 400 } }),
      layer('a', 'Dense', { parentId: 'Inner', position: { x: 24, y: 56 } }),
      layer('below', 'Dense', { parentId: 'Outer', position: { x: 24, y: 500 } }),
      layer('after', 'Dense', { position: { x: 0, y: 900 } }),
    ]);

  it('closes the gap a collapsed scope leaves', () => {
    const doc = stacked();
    const collapsed = applyAll(doc, setCollapsedChanges(doc, 'Inner', true));
    const lost = 400 - 84;
    expect(rectOf(collapsed, 'below').y).toBe(rectOf(doc, 'below').y - lost);
    expect(rectOf(collapsed, 'Outer').height).toBe(800 - lost);
    expect(rectOf(collapsed, 'after').y).toBe(900 - lost);
  });

  it('restores every box on expand', () => {
    const doc = stacked();
    const collapsed = applyAll(doc, setCollapsedChanges(doc, 'Inner', true));
    const expanded = applyAll(collapsed, setCollapsedChanges(collapsed, 'Inner', false));
    for (const id of ['Outer', 'Inner', 'a', 'below', 'after']) expect(rectOf(expanded, id)).toEqual(rectOf(doc, id));
  });

  it('leaves a scope in its state alone', () => {
    const doc = stacked();
    expect(setCollapsedChanges(doc, 'Inner', false)).toEqual([]);
  });
});

describe('nearOrOutsideEdge', () => {
  const box = { x: 0, y: 0, width: 200, height: 100 };

  it('is false well inside', () => {
    expect(nearOrOutsideEdge(box, { x: 100, y: 50 }, 24)).toBe(false);
  });

  it('is true close to the border', () => {
    expect(nearOrOutsideEdge(box, { x: 190, y: 50 }, 24)).toBe(true);
  });

  it('is true outside', () => {
    expect(nearOrOutsideEdge(box, { x: 100, y: 150 }, 24)).toBe(true);
  });
});
