import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../graph/types';
import { applyChange, ChangeError, isLayoutChange, type Change } from './changes';
import { deepFreeze, edge, layer, sampleDocument, scope } from './testing';

/** Applies `change` to a frozen document, then its inverse, and checks the round trip. */
function roundTrip(change: Change, doc: ModelDocument = sampleDocument()) {
  const original = structuredClone(doc);
  deepFreeze(doc);
  const applied = applyChange(doc, change);
  expect(doc).toEqual(original);
  const undone = applyChange(deepFreeze(applied.doc), applied.inverse);
  expect(undone.doc).toEqual(original);
  // The inverse of the inverse redoes the change.
  const redone = applyChange(undone.doc, undone.inverse);
  expect(redone.doc).toEqual(applied.doc);
  return applied.doc;
}

function node(doc: ModelDocument, id: string) {
  const found = doc.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('applyChange', () => {
  it('adds nodes and edges', () => {
    const doc = roundTrip({
      type: 'addNodes',
      nodes: [layer('pool', 'MaxPool2D', { parentId: 'Encoder' })],
      edges: [edge('conv1', 'pool')],
    });
    expect(node(doc, 'pool').parentId).toBe('Encoder');
    expect(doc.edges.map((e) => e.id)).toContain('conv1->pool');
  });

  it('rejects a duplicate node id', () => {
    expect(() => applyChange(sampleDocument(), { type: 'addNodes', nodes: [layer('fc', 'Dense')] })).toThrow(
      ChangeError,
    );
  });

  it('removes a scope with its contents and edges', () => {
    const doc = roundTrip({ type: 'removeNodes', ids: ['Classifier'] });
    expect(doc.nodes.map((n) => n.id)).toEqual(['input', 'fc']);
    expect(doc.edges).toEqual([]);
  });

  it('restores removed nodes at their indices', () => {
    const before = sampleDocument();
    const { doc, inverse } = applyChange(before, { type: 'removeNodes', ids: ['conv1', 'input'] });
    const restored = applyChange(doc, inverse).doc;
    expect(restored.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    expect(restored.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
  });

  it('moves nodes and marks them placed', () => {
    const doc = roundTrip({ type: 'moveNodes', moves: [{ id: 'fc', position: { x: 5, y: 6 }, placed: true }] });
    expect(node(doc, 'fc').position).toEqual({ x: 5, y: 6 });
    expect(node(doc, 'fc').placed).toBe(true);
  });

  it('keeps untouched nodes shared', () => {
    const before = sampleDocument();
    const { doc } = applyChange(before, { type: 'moveNodes', moves: [{ id: 'fc', position: { x: 1, y: 1 } }] });
    expect(doc.nodes[0]).toBe(before.nodes[0]);
    expect(doc.nodes[4]).not.toBe(before.nodes[4]);
    expect(doc.edges).toBe(before.edges);
  });

  it('resizes a scope', () => {
    const doc = roundTrip({ type: 'resizeScope', id: 'Encoder', position: { x: 0, y: 0 }, size: { width: 9, height: 8 } });
    expect(node(doc, 'Encoder')).toMatchObject({ position: { x: 0, y: 0 }, size: { width: 9, height: 8 } });
  });

  it('rejects resizing a layer', () => {
    expect(() =>
      applyChange(sampleDocument(), { type: 'resizeScope', id: 'fc', position: { x: 0, y: 0 }, size: { width: 1, height: 1 } }),
    ).toThrow(/is a layer/);
  });

  it('reparents into a scope and out to the top level', () => {
    const doc = roundTrip({
      type: 'reparent',
      moves: [
        { id: 'fc', parentId: 'Encoder', position: { x: 1, y: 2 } },
        { id: 'conv1', parentId: undefined, position: { x: 3, y: 4 } },
      ],
    });
    expect(node(doc, 'fc').parentId).toBe('Encoder');
    expect('parentId' in node(doc, 'conv1')).toBe(false);
  });

  it('rejects moving a scope into itself', () => {
    expect(() =>
      applyChange(sampleDocument(), {
        type: 'reparent',
        moves: [{ id: 'Classifier', parentId: 'Encoder', position: { x: 0, y: 0 } }],
      }),
    ).toThrow(/own scope/);
  });

  it('renames', () => {
    expect(node(roundTrip({ type: 'rename', id: 'conv1', name: 'conv2' }), 'conv1').name).toBe('conv2');
  });

  it('replaces params', () => {
    const doc = roundTrip({ type: 'setParams', id: 'conv1', params: { filters: 64, kernelSize: [5, 5] } });
    expect(node(doc, 'conv1')).toMatchObject({ params: { filters: 64, kernelSize: [5, 5] } });
  });

  it('sets scope fields', () => {
    const changes: Change[] = [
      { type: 'setScopeKind', id: 'Encoder', scopeKind: 'name_scope' },
      { type: 'setReuse', id: 'Encoder', reuse: 'auto' },
      { type: 'setCollapsed', id: 'Encoder', collapsed: true },
      { type: 'setArgScope', id: 'Encoder', argScope: [{ layerTypes: ['Conv2D'], params: { activation: 'relu' } }] },
    ];
    const doc = roundTrip({ type: 'batch', changes });
    expect(node(doc, 'Encoder')).toMatchObject({
      scopeKind: 'name_scope',
      reuse: 'auto',
      collapsed: true,
      argScope: [{ layerTypes: ['Conv2D'], params: { activation: 'relu' } }],
    });
  });

  it('expanding removes the collapsed flag', () => {
    const collapsed = applyChange(sampleDocument(), { type: 'setCollapsed', id: 'Encoder', collapsed: true }).doc;
    const doc = roundTrip({ type: 'setCollapsed', id: 'Encoder', collapsed: false }, collapsed);
    expect('collapsed' in node(doc, 'Encoder')).toBe(false);
  });

  it('adds and removes edges', () => {
    const added = roundTrip({ type: 'addEdges', edges: [edge('input', 'fc')] });
    expect(added.edges).toHaveLength(3);
    const removed = roundTrip({ type: 'removeEdges', ids: ['input->conv1'] });
    expect(removed.edges.map((e) => e.id)).toEqual(['conv1->fc']);
  });

  it('rejects an edge to a missing node', () => {
    expect(() => applyChange(sampleDocument(), { type: 'addEdges', edges: [edge('input', 'nope')] })).toThrow(/nope/);
  });

  it('rejects removing a missing edge', () => {
    expect(() => applyChange(sampleDocument(), { type: 'removeEdges', ids: ['nope'] })).toThrow(/Edge not found: nope/);
  });

  it('patches training config', () => {
    const doc = roundTrip({ type: 'setTraining', training: { learningRate: 0.1, epochs: 3 } });
    expect(doc.training).toMatchObject({ learningRate: 0.1, epochs: 3, optimizer: 'adam' });
  });

  it('sets title and collections', () => {
    const doc = roundTrip({
      type: 'batch',
      changes: [
        { type: 'setTitle', title: 'MNIST' },
        { type: 'setUserCollections', collections: ['batch_norm'] },
        { type: 'setCollections', id: 'conv1', collections: ['batch_norm'] },
      ],
    });
    expect(doc.title).toBe('MNIST');
    expect(doc.collections).toEqual(['batch_norm']);
  });

  it('undoes a batch in reverse order', () => {
    const doc = roundTrip({
      type: 'batch',
      changes: [
        { type: 'addNodes', nodes: [scope('Decoder')] },
        { type: 'reparent', moves: [{ id: 'fc', parentId: 'Decoder', position: { x: 0, y: 0 } }] },
        { type: 'rename', id: 'Decoder', name: 'Head' },
      ],
    });
    expect(node(doc, 'fc').parentId).toBe('Decoder');
  });

  it('reports a missing node by id', () => {
    expect(() => applyChange(sampleDocument(), { type: 'rename', id: 'ghost', name: 'x' })).toThrow(
      'Node not found: ghost',
    );
  });
});

describe('isLayoutChange', () => {
  it('classifies changes', () => {
    expect(isLayoutChange({ type: 'moveNodes', moves: [] })).toBe(true);
    expect(isLayoutChange({ type: 'batch', changes: [{ type: 'moveNodes', moves: [] }] })).toBe(true);
    expect(isLayoutChange({ type: 'rename', id: 'a', name: 'b' })).toBe(false);
    expect(
      isLayoutChange({ type: 'batch', changes: [{ type: 'moveNodes', moves: [] }, { type: 'rename', id: 'a', name: 'b' }] }),
    ).toBe(false);
  });
});
