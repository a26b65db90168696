import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../graph/analyze';
import { getTemplate } from '../graph/templates';
import type { ModelDocument } from '../graph/types';
import { createDocumentStore, type DocumentStore } from '../store/documentStore';
import { canonicalizeDocument } from './canonical';
import { encodeShareFragment } from './link';
import { DocumentLibrary } from './library';
import { ShareSession } from './session';

let factory: IDBFactory;
let library: DocumentLibrary;
let store: DocumentStore;
let session: ShareSession;

function linkOf(name: 'default' | 'vgg16' | 'vgg19'): string {
  const link = encodeShareFragment(getTemplate(name));
  if (!link.ok) throw new Error(link.error.message);
  return link.value;
}

beforeEach(async () => {
  factory = new IDBFactory();
  library = await DocumentLibrary.open(factory);
  store = createDocumentStore(analyze, 'initial', getTemplate('default'));
  session = new ShareSession({ store, library, autosaveDelayMs: 5 });
});

afterEach(() => {
  session.stop();
  library.close();
});

describe('DocumentLibrary', () => {
  it('saves, lists, renames and removes', async () => {
    await library.save('a', getTemplate('default'), 1000);
    await library.save('b', getTemplate('vgg16'), 2000);
    expect(await library.list()).toEqual([
      { id: 'b', title: 'vgg_16', createdAt: 2000, updatedAt: 2000 },
      { id: 'a', title: 'MNIST classifier', createdAt: 1000, updatedAt: 1000 },
    ]);

    await library.rename('a', 'Lesson 1', 3000);
    const renamed = await library.load('a');
    expect(renamed?.ok).toBe(true);
    if (renamed?.ok) expect(renamed.value.title).toBe('Lesson 1');
    expect((await library.list())[0]).toEqual({ id: 'a', title: 'Lesson 1', createdAt: 1000, updatedAt: 3000 });

    await library.remove('b');
    expect((await library.list()).map((item) => item.id)).toEqual(['a']);
    expect(await library.load('b')).toBeUndefined();
  });

  it('keeps documents across reopening the database', async () => {
    await library.save('a', getTemplate('vgg19'));
    library.close();
    library = await DocumentLibrary.open(factory);
    const loaded = await library.load('a');
    expect(loaded).toEqual({ ok: true, value: getTemplate('vgg19') });
  });

  it('migrates a stored document of an older format', async () => {
    const legacy = { format: 0, name: 'Old', layers: [{ type: 'Flatten', name: 'flat' }] };
    await library.save('old', legacy as unknown as ModelDocument);
    const loaded = await library.load('old');
    expect(loaded?.ok && loaded.value.nodes.map((node) => node.name)).toEqual(['flat']);
  });

  it('rejects a stored document that is no longer valid', async () => {
    const broken = getTemplate('default');
    broken.edges.push({ id: 'bad', source: 'missing', target: broken.nodes[1].id });
    await library.save('a', broken);
    const loaded = await library.load('a');
    expect(loaded?.ok).toBe(false);
    if (loaded && !loaded.ok) expect(loaded.error.detail?.messageKey).toBe('share.invalid.missingEndpoint');
  });
});

describe('ShareSession', () => {
  it('stores the first document under a new id', async () => {
    expect(await session.start(null)).toEqual({ kind: 'new' });
    const { docId } = store.getState();
    expect(docId).toMatch(/^doc-/);
    expect((await library.list()).map((item) => item.id)).toEqual([docId]);
  });

  it('keeps an early edit and its undo entry', async () => {
    store.getState().dispatch({ type: 'setTitle', title: 'Early edit' });
    await session.start(null);
    expect(store.getState().doc.title).toBe('Early edit');
    expect(store.getState().history.undo).toHaveLength(1);
    const saved = await library.load(store.getState().docId);
    expect(saved?.ok).toBe(true);
    if (saved?.ok) expect(saved.value.title).toBe('Early edit');
  });

  it('autosaves every change', async () => {
    await session.start(null);
    const { docId } = store.getState();
    store.getState().dispatch({ type: 'setTitle', title: 'Edited' });
    await session.flush();
    const loaded = await library.load(docId);
    expect(loaded?.ok).toBe(true);
    if (loaded?.ok) expect(loaded.value.title).toBe('Edited');
  });

  it('opens a shared link beside the current document', async () => {
    await session.start(null);
    const firstId = store.getState().docId;
    store.getState().dispatch({ type: 'setTitle', title: 'My work' });

    const opened = await session.openShared(linkOf('vgg19'));
    expect(opened.ok).toBe(true);
    expect(store.getState().docId).not.toBe(firstId);
    expect(store.getState().doc).toEqual(canonicalizeDocument(getTemplate('vgg19')));

    const titles = (await session.list()).map((item) => item.title).sort();
    expect(titles).toEqual(['My work', 'vgg_19']);
    const first = await library.load(firstId);
    expect(first?.ok).toBe(true);
    if (first?.ok) expect(first.value.title).toBe('My work');
  });

  it('keeps the current work when a link is bad', async () => {
    await session.start(null);
    const before = store.getState();
    const result = await session.openShared(`${linkOf('default').slice(0, 40)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('truncated');
    expect(store.getState().docId).toBe(before.docId);
    expect(store.getState().doc).toBe(before.doc);
    expect(await library.list()).toHaveLength(1);
  });

  it('restores the latest document on the next start', async () => {
    await session.start(null);
    store.getState().dispatch({ type: 'setTitle', title: 'Restored' });
    await session.flush();
    const savedId = store.getState().docId;
    session.stop();

    const nextStore = createDocumentStore(analyze, 'initial', getTemplate('default'));
    const next = new ShareSession({ store: nextStore, library, autosaveDelayMs: 5 });
    expect(await next.start(null)).toEqual({ kind: 'restored' });
    expect(nextStore.getState().docId).toBe(savedId);
    expect(nextStore.getState().doc.title).toBe('Restored');
    next.stop();
  });

  it('starts with a shared link as a new document', async () => {
    await library.save('old', getTemplate('default'));
    expect(await session.start(linkOf('vgg16'))).toEqual({ kind: 'shared', title: 'vgg_16' });
    expect(store.getState().doc.title).toBe('vgg_16');
    expect((await library.list()).map((item) => item.id)).toContain('old');
  });

  it('restores the latest document when the start link is bad', async () => {
    await library.save('old', getTemplate('vgg16'));
    const outcome = await session.start('%7B%22format%22%3A0');
    expect(outcome.kind).toBe('shared-failed');
    expect(store.getState().docId).toBe('old');
  });

  it('reopens, renames and deletes', async () => {
    await session.start(null);
    const firstId = store.getState().docId;
    await session.openShared(linkOf('vgg16'));
    const secondId = store.getState().docId;

    await session.rename(firstId, 'Renamed');
    await session.rename(secondId, 'Current');
    expect(store.getState().doc.title).toBe('Current');

    const reopened = await session.reopen(firstId);
    expect(reopened?.ok).toBe(true);
    expect(store.getState().docId).toBe(firstId);
    expect(store.getState().doc.title).toBe('Renamed');

    await session.remove(firstId);
    expect(store.getState().docId).toBe(secondId);
    expect(store.getState().doc.title).toBe('Current');
    await session.remove(secondId);
    expect(store.getState().doc.title).toBe(getTemplate('default').title);
    expect((await session.list()).map((item) => item.id)).toEqual([store.getState().docId]);
  });
});
