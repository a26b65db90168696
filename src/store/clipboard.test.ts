import { describe, expect, it } from 'vitest';
import { applyChange } from './changes';
import { copyNodes, pasteChange } from './clipboard';
import { absoluteRect, indexNodes } from './geometry';
import { sampleDocument } from './testing';

let counter = 0;
const makeId = (prefix: string, taken: (id: string) => boolean) => {
  let id: string;
  do id = `${prefix}${(counter += 1)}`;
  while (taken(id));
  return id;
};

describe('copy and paste', () => {
  it('pastes a scope with new ids, remapped parents and inner edges', () => {
    const doc = sampleDocument();
    const content = copyNodes(doc, ['Encoder', 'conv1'])!;
    expect(content.roots).toEqual(['Encoder']);
    expect(content.nodes.map((n) => n.id)).toEqual(['Encoder', 'conv1']);
    expect(content.edges).toEqual([]);

    const { change, roots } = pasteChange(doc, content, { x: 30, y: 30 }, makeId);
    const pasted = applyChange(doc, change).doc;
    const index = indexNodes(pasted);
    const scope = index.get(roots[0])!;
    expect(scope.parentId).toBe('Classifier');
    expect(scope.name).toBe('Encoder_1');
    expect(scope.position).toEqual({ x: 54, y: 86 });
    const child = pasted.nodes.find((n) => n.parentId === roots[0])!;
    expect(child.id).not.toBe('conv1');
    expect(child.name).toBe('conv1');
    expect(child.position).toEqual({ x: 24, y: 56 });
  });

  it('copies edges between copied nodes only', () => {
    const doc = sampleDocument();
    const content = copyNodes(doc, ['input', 'conv1', 'fc'])!;
    expect(content.edges.map((e) => e.id)).toEqual(['input->conv1', 'conv1->fc']);
    const { change } = pasteChange(doc, content, { x: 0, y: 0 }, makeId);
    const pasted = applyChange(doc, change).doc;
    const newEdges = pasted.edges.slice(2);
    const ids = new Set(pasted.nodes.slice(5).map((n) => n.id));
    for (const edge of newEdges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
  });

  it('pastes to the top level when the scope is gone', () => {
    const doc = sampleDocument();
    const content = copyNodes(doc, ['conv1'])!;
    const without = applyChange(doc, { type: 'removeNodes', ids: ['Classifier'] }).doc;
    const { change, roots } = pasteChange(without, content, { x: 0, y: 0 }, makeId);
    const pasted = applyChange(without, change).doc;
    const node = indexNodes(pasted).get(roots[0])!;
    expect(node.parentId).toBeUndefined();
    expect(absoluteRect(indexNodes(pasted), roots[0], {}).x).toBe(absoluteRect(indexNodes(doc), 'conv1', {}).x);
  });
});
