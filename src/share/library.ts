/**
 * The documents list: every document the user opened or created, autosaved in IndexedDB. A stored
 * document is validated again when it is loaded, because storage outlives app versions.
 */
import type { ModelDocument } from '../graph/types';
import { fail, shareError, type Result, type ShareError } from './errors';
import { migrateDocumentJson } from './json-file';

const DATABASE_VERSION = 1;
const STORE = 'documents';

export interface DocumentSummary {
  id: string;
  title: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

interface DocumentRecord extends DocumentSummary {
  doc: ModelDocument;
}

/** Creates a document id, unique per browser and distinct from the node ids inside documents. */
export function newDocumentId(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  return `doc-${random}`;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function completed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class DocumentLibrary {
  private constructor(private readonly database: IDBDatabase) {}

  /** Opens (and on first use creates) the database `name`. */
  static async open(factory: IDBFactory = globalThis.indexedDB, name = 'scopeflow'): Promise<DocumentLibrary> {
    if (!factory) throw new Error('IndexedDB is not available in this browser');
    const request = factory.open(name, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE, { keyPath: 'id' });
    };
    return new DocumentLibrary(await promised(request));
  }

  close(): void {
    this.database.close();
  }

  /** Returns every stored document's summary, most recently changed first. */
  async list(): Promise<DocumentSummary[]> {
    const transaction = this.database.transaction(STORE, 'readonly');
    const records = (await promised(transaction.objectStore(STORE).getAll())) as DocumentRecord[];
    return records
      .map(({ id, title, createdAt, updatedAt }) => ({ id, title, createdAt, updatedAt }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Loads, migrates and validates a document; undefined when no document has this id. */
  async load(id: string): Promise<Result<ModelDocument, ShareError> | undefined> {
    const transaction = this.database.transaction(STORE, 'readonly');
    const record = (await promised(transaction.objectStore(STORE).get(id))) as DocumentRecord | undefined;
    if (!record) return undefined;
    return migrateDocumentJson(record.doc) ?? fail(shareError('not-a-model', { file: record.title }));
  }

  /** Creates or replaces the document `id`; its title follows the document's. */
  async save(id: string, doc: ModelDocument, now = Date.now()): Promise<void> {
    const transaction = this.database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    const existing = (await promised(store.get(id))) as DocumentRecord | undefined;
    const record: DocumentRecord = { id, title: doc.title, createdAt: existing?.createdAt ?? now, updatedAt: now, doc };
    store.put(record);
    await completed(transaction);
  }

  /** Renames a stored document (its title inside the document too). */
  async rename(id: string, title: string, now = Date.now()): Promise<void> {
    const transaction = this.database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    const existing = (await promised(store.get(id))) as DocumentRecord | undefined;
    if (!existing) throw new Error(`document ${id} not found`);
    store.put({ ...existing, title, updatedAt: now, doc: { ...existing.doc, title } });
    await completed(transaction);
  }

  async remove(id: string): Promise<void> {
    const transaction = this.database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).delete(id);
    await completed(transaction);
  }
}
