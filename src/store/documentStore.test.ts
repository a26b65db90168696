import { describe, expect, it } from 'vitest';
import { analyze } from '../graph/analyze';
import { getTemplate } from '../graph/templates';
import { createDocumentStore } from './documentStore';
import { layer } from './testing';

function store() {
  return createDocumentStore(analyze, 'test', getTemplate('default'));
}

describe('document store', () => {
  it('derives analysis from the template', () => {
    const { analysis, doc } = store().getState();
    const conv1 = doc.nodes.find((node) => node.name === 'conv1')!;
    expect(analysis.nodes[conv1.id].opPath).toBe('Classifier/Encoder/conv1');
  });

  it('undoes and redoes one edit', () => {
    const s = store();
    const original = s.getState().doc;
    const conv1 = original.nodes.find((node) => node.name === 'conv1')!;
    s.getState().dispatch({ type: 'rename', id: conv1.id, name: 'features' });
    expect(s.getState().analysis.nodes[conv1.id].opPath).toBe('Classifier/Encoder/features');

    s.getState().undo();
    expect(s.getState().doc).toEqual(original);
    expect(s.getState().analysis.nodes[conv1.id].opPath).toBe('Classifier/Encoder/conv1');
    expect(s.getState().history.redo).toHaveLength(1);

    s.getState().redo();
    expect(s.getState().analysis.nodes[conv1.id].opPath).toBe('Classifier/Encoder/features');
    expect(s.getState().history.undo).toHaveLength(1);
  });

  it('makes one entry per gesture', () => {
    const s = store();
    const original = s.getState().doc;
    const id = original.nodes[0].id;
    s.getState().beginGesture();
    for (let step = 1; step <= 30; step += 1) {
      s.getState().dispatch({ type: 'moveNodes', moves: [{ id, position: { x: step, y: step }, placed: true }] });
    }
    s.getState().commitGesture();
    expect(s.getState().history.undo).toHaveLength(1);
    s.getState().undo();
    expect(s.getState().doc).toEqual(original);
  });

  it('keeps analysis after layout-only edits', () => {
    const s = store();
    const before = s.getState().analysis;
    const id = s.getState().doc.nodes[0].id;
    s.getState().dispatch({ type: 'moveNodes', moves: [{ id, position: { x: 5, y: 5 } }] });
    expect(s.getState().analysis).toBe(before);
    s.getState().dispatch({ type: 'rename', id, name: 'images' });
    expect(s.getState().analysis).not.toBe(before);
  });

  it('cancels a gesture without an entry', () => {
    const s = store();
    const original = s.getState().doc;
    s.getState().beginGesture();
    s.getState().dispatch({ type: 'addNodes', nodes: [layer('extra', 'Dense')] });
    s.getState().cancelGesture();
    expect(s.getState().doc).toEqual(original);
    expect(s.getState().history.undo).toHaveLength(0);
  });

  it('clears redo on a new edit', () => {
    const s = store();
    const id = s.getState().doc.nodes[0].id;
    s.getState().dispatch({ type: 'rename', id, name: 'a' });
    s.getState().undo();
    s.getState().dispatch({ type: 'rename', id, name: 'b' });
    expect(s.getState().history.redo).toHaveLength(0);
  });

  it('makes no entry for unrecorded edits', () => {
    const s = store();
    const id = s.getState().doc.nodes[0].id;
    s.getState().dispatch({ type: 'moveNodes', moves: [{ id, position: { x: 1, y: 1 } }] }, { record: false });
    expect(s.getState().history.undo).toHaveLength(0);
  });

  it('opening a document clears history', () => {
    const s = store();
    const id = s.getState().doc.nodes[0].id;
    s.getState().dispatch({ type: 'rename', id, name: 'a' });
    s.getState().openDocument('other', getTemplate('vgg16'));
    expect(s.getState().docId).toBe('other');
    expect(s.getState().history.undo).toHaveLength(0);
    expect(s.getState().doc.title).toBe('vgg_16');
  });
});

describe('narrow selectors', () => {
  it('ignore position-only changes', async () => {
    const { documentStore, selectNodeContent, selectStructureKey } = await import('./document');
    documentStore.getState().openDocument('selectors', getTemplate('default'));
    const id = documentStore.getState().doc.nodes[0].id;
    const select = selectNodeContent(id);
    const node = select(documentStore.getState());
    const key = selectStructureKey(documentStore.getState());

    documentStore.getState().dispatch({ type: 'moveNodes', moves: [{ id, position: { x: 9, y: 9 }, placed: true }] });
    expect(select(documentStore.getState())).toBe(node);
    expect(selectStructureKey(documentStore.getState())).toBe(key);

    documentStore.getState().dispatch({ type: 'rename', id, name: 'images' });
    expect(select(documentStore.getState())?.name).toBe('images');
    expect(selectStructureKey(documentStore.getState())).not.toBe(key);
  });
});
