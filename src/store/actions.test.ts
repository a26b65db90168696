import { beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../graph/templates';
import type { DocNode } from '../graph/types';
import {
  addLayerAt,
  connect,
  copySelection,
  deleteSelection,
  dragNodes,
  dropNodes,
  pasteClipboard,
  redo,
  undo,
  wrapSelection,
} from './actions';
import { documentStore } from './document';
import { absoluteRect, indexNodes } from './geometry';
import { overlaps } from './placement';
import { useViewStore } from './view';

function byName(name: string, parentName?: string): DocNode {
  const { doc } = documentStore.getState();
  const parent = parentName ? doc.nodes.find((node) => node.name === parentName) : undefined;
  const found = doc.nodes.find((node) => node.name === name && (!parentName || node.parentId === parent?.id));
  if (!found) throw new Error(`no node named ${name}`);
  return found;
}

function opPath(id: string): string {
  return documentStore.getState().analysis.nodes[id].opPath;
}

function rect(id: string) {
  return absoluteRect(indexNodes(documentStore.getState().doc), id, {});
}

/** Ids of the visible nodes in the same scope as `id` whose boxes overlap its box. */
function overlappingSiblings(id: string): string[] {
  const { doc } = documentStore.getState();
  const parentId = doc.nodes.find((node) => node.id === id)?.parentId;
  return doc.nodes
    .filter((node) => node.id !== id && node.parentId === parentId)
    .filter((node) => overlaps(rect(node.id), rect(id)))
    .map((node) => node.id);
}

beforeEach(() => {
  documentStore.getState().openDocument('test', getTemplate('default'));
  useViewStore.setState({ selectedNodeIds: [], selectedEdgeIds: [], measured: {} });
});

describe('store actions', () => {
  it('adds a layer into the scope under the point', () => {
    const head = rect(byName('Head').id);
    const id = addLayerAt('Dropout', { x: head.x + head.width / 2, y: head.y + head.height - 10 });
    expect(opPath(id)).toBe('Classifier/Head/dropout');
    expect(useViewStore.getState().selectedNodeIds).toEqual([id]);
  });

  it('drops a layer beside a sibling, not on it', () => {
    const flatten = rect(byName('flatten').id);
    const id = addLayerAt('Dense', { x: flatten.x + flatten.width / 2, y: flatten.y + 10 });
    expect(opPath(id)).toBe('Classifier/Head/fc2');
    expect(overlappingSiblings(id)).toEqual([]);
    const head = rect(byName('Head').id);
    const added = rect(id);
    expect(added.y + added.height).toBeLessThanOrEqual(head.y + head.height);
  });

  it('pastes a layer clear of its siblings', () => {
    const conv1 = byName('conv1').id;
    useViewStore.getState().select([conv1]);
    copySelection();
    pasteClipboard();
    const copy = useViewStore.getState().selectedNodeIds[0];
    expect(opPath(copy)).toBe('Classifier/Encoder/conv1_1');
    expect(overlappingSiblings(copy)).toEqual([]);
    expect(overlappingSiblings(conv1)).toEqual([]);
  });

  it('replaces the edge into an input on connect', () => {
    const mnist = byName('mnist').id;
    const conv1 = byName('conv1').id;
    const edgesBefore = documentStore.getState().doc.edges.length;
    connect({ source: mnist, sourceHandle: 'labels', target: conv1, targetHandle: 'input' });
    const { doc, analysis } = documentStore.getState();
    expect(doc.edges).toHaveLength(edgesBefore);
    expect(analysis.nodes[conv1].diagnostics.map((d) => d.code)).toContain('shape-mismatch');
    undo();
    expect(documentStore.getState().analysis.nodes[conv1].diagnostics).toEqual([]);
  });

  it('deletes a scope keeping its contents in place', () => {
    const head = byName('Head').id;
    const fc1 = byName('fc1').id;
    const before = rect(fc1);
    useViewStore.getState().select([head]);
    deleteSelection(true);
    expect(opPath(fc1)).toBe('Classifier/fc1');
    expect(rect(fc1)).toEqual(before);
    expect(documentStore.getState().history.undo).toHaveLength(1);
  });

  it('deletes a scope with its contents', () => {
    const head = byName('Head').id;
    useViewStore.getState().select([head]);
    deleteSelection(false);
    const names = documentStore.getState().doc.nodes.map((node) => node.name);
    expect(names).not.toContain('fc1');
    undo();
    expect(documentStore.getState().doc.nodes.map((node) => node.name)).toContain('fc1');
  });

  it('wraps the selection in a new scope as one undo step', () => {
    const fc1 = byName('fc1').id;
    const logits = byName('logits').id;
    useViewStore.getState().select([fc1, logits]);
    const scopeId = wrapSelection()!;
    expect(opPath(fc1)).toBe('Classifier/Head/scope/fc1');
    expect(opPath(scopeId)).toBe('Classifier/Head/scope');
    undo();
    expect(opPath(fc1)).toBe('Classifier/Head/fc1');
    redo();
    expect(opPath(logits)).toBe('Classifier/Head/scope/logits');
  });

  it('records a drag with drop as one undo entry', () => {
    const loss = byName('loss');
    const start = loss.position;
    for (let step = 1; step <= 10; step += 1) {
      dragNodes([{ id: loss.id, position: { x: start.x + step * 10, y: start.y } }], false);
    }
    dropNodes([loss.id], { x: rect(loss.id).x + 5, y: rect(loss.id).y + 5 }, false);
    expect(documentStore.getState().history.undo).toHaveLength(1);
    undo();
    expect(byName('loss').position).toEqual(start);
  });

  it('a plain drop moves a layer deeper, never out', () => {
    const loss = byName('loss').id;
    const head = rect(byName('Head').id);
    dragNodes([{ id: loss, position: byName('loss').position }], false);
    dropNodes([loss], { x: head.x + 10, y: head.y + head.height - 10 }, false);
    expect(opPath(loss)).toBe('Classifier/Head/loss');

    dragNodes([{ id: loss, position: byName('loss').position }], false);
    dropNodes([loss], { x: -5000, y: -5000 }, false);
    expect(opPath(loss)).toBe('Classifier/Head/loss');
  });

  it('a free drop moves a layer out to the top level', () => {
    const loss = byName('loss').id;
    const before = rect(loss);
    dragNodes([{ id: loss, position: byName('loss').position }], true);
    dropNodes([loss], { x: -5000, y: -5000 }, true);
    expect(opPath(loss)).toBe('loss');
    expect(rect(loss)).toEqual(before);
  });

  it('pastes with new ids and offsets only the top-level copy', () => {
    const head = byName('Head').id;
    useViewStore.getState().select([head]);
    expect(copySelection()).toBe(true);
    pasteClipboard();
    const pastedHead = useViewStore.getState().selectedNodeIds[0];
    expect(pastedHead).not.toBe(head);
    expect(opPath(pastedHead)).toBe('Classifier/Head_1');
    const original = rect(head);
    const copy = rect(pastedHead);
    expect(copy.x).toBeGreaterThanOrEqual(original.x + 32);
    expect(overlappingSiblings(pastedHead)).toEqual([]);
    const innerCopy = documentStore.getState().doc.nodes.find((node) => node.parentId === pastedHead && node.name === 'fc1')!;
    expect(innerCopy.position).toEqual(byName('fc1', 'Head').position);
  });
});

describe('nesting scopes', () => {
  it('wraps a scope into a new scope', () => {
    const encoder = byName('Encoder').id;
    const conv1 = byName('conv1').id;
    useViewStore.getState().select([encoder]);
    wrapSelection();
    expect(opPath(encoder)).toBe('Classifier/scope/Encoder');
    expect(opPath(conv1)).toBe('Classifier/scope/Encoder/conv1');
  });

  it('a plain drop moves a scope into a sibling scope', () => {
    const encoder = byName('Encoder').id;
    const head = rect(byName('Head').id);
    dragNodes([{ id: encoder, position: byName('Encoder').position }], false);
    dropNodes([encoder], { x: head.x + 10, y: head.y + 10 }, false);
    expect(opPath(encoder)).toBe('Classifier/Head/Encoder');
  });
});
