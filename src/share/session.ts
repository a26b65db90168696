/**
 * Keeps the open document and the documents list together, outside React: autosaves every change,
 * opens shared links and files as new documents (never over the current one), and reopens, renames
 * and deletes stored documents. Without IndexedDB (`library` null) links still open, unsaved.
 */
import { getTemplate } from '../graph/templates';
import type { ModelDocument } from '../graph/types';
import type { DocumentStore } from '../store/documentStore';
import type { Result, ShareError } from './errors';
import { decodeShareFragment } from './link';
import { newDocumentId, type DocumentLibrary, type DocumentSummary } from './library';

export interface ShareSessionOptions {
  store: DocumentStore;
  library: DocumentLibrary | null;
  /** Quiet time after the last change before it is written, in milliseconds. */
  autosaveDelayMs?: number;
  /** Called when writing to IndexedDB fails; the document stays open in memory. */
  onStorageError?: (error: unknown) => void;
}

/** The document `start` opened and how. */
export type StartOutcome =
  | { kind: 'shared'; title: string }
  | { kind: 'shared-failed'; error: ShareError }
  | { kind: 'restored' }
  | { kind: 'new' };

export class ShareSession {
  private readonly store: DocumentStore;
  private readonly library: DocumentLibrary | null;
  private readonly delayMs: number;
  private readonly onStorageError: (error: unknown) => void;
  private pending: { id: string; doc: ModelDocument } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Saves run one after another, in the order the changes happened. */
  private writes: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;

  constructor(options: ShareSessionOptions) {
    this.store = options.store;
    this.library = options.library;
    this.delayMs = options.autosaveDelayMs ?? 400;
    this.onStorageError = options.onStorageError ?? (() => {});
  }

  /**
   * Opens what the page was loaded with: the shared link in `fragment` as a new document, otherwise
   * the most recently changed stored document, otherwise the store's current document under a new
   * id. Then starts autosaving. A link that fails to open leaves the restored document open.
   */
  async start(fragment: string | null): Promise<StartOutcome> {
    let outcome: StartOutcome | null = null;
    if (fragment) {
      const shared = await this.openShared(fragment);
      outcome = shared.ok ? { kind: 'shared', title: shared.value.title } : { kind: 'shared-failed', error: shared.error };
    }
    if (outcome?.kind !== 'shared') {
      const restored = await this.restoreLatest();
      if (!outcome) outcome = restored ? { kind: 'restored' } : { kind: 'new' };
      if (!restored) this.adoptCurrent();
    }
    this.unsubscribe = this.store.subscribe((state, previous) => {
      if (state.doc !== previous.doc || state.docId !== previous.docId) this.schedule(state.docId, state.doc);
    });
    // Saves the open document once, with any edit made while the session was starting.
    const { docId, doc } = this.store.getState();
    await this.write(docId, doc);
    return outcome;
  }

  /**
   * Gives the open document (the template the page started with) a library id. Only the id changes,
   * so an edit made meanwhile and its undo history stay.
   */
  private adoptCurrent(): void {
    this.store.setState({ docId: newDocumentId() });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Decodes a share link and opens it as a new document; on failure nothing changes. */
  async openShared(fragment: string): Promise<Result<ModelDocument, ShareError>> {
    const decoded = decodeShareFragment(fragment);
    if (!decoded.ok) return decoded;
    await this.openAsNew(decoded.value);
    return decoded;
  }

  /** Saves the current document, then opens `doc` under a new id (a file, an import, a link). */
  async openAsNew(doc: ModelDocument): Promise<string> {
    await this.flush();
    const id = newDocumentId();
    await this.write(id, doc);
    this.store.getState().openDocument(id, doc);
    return id;
  }

  /** Saves the current document, then opens a stored one. */
  async reopen(id: string): Promise<Result<ModelDocument, ShareError> | undefined> {
    if (!this.library) return undefined;
    await this.flush();
    const loaded = await this.library.load(id);
    if (loaded?.ok) this.store.getState().openDocument(id, loaded.value);
    return loaded;
  }

  async list(): Promise<DocumentSummary[]> {
    await this.flush();
    return this.library ? this.library.list() : [];
  }

  /** Renames a stored document; the open one is renamed in the editor too (without an undo entry). */
  async rename(id: string, title: string): Promise<void> {
    const state = this.store.getState();
    if (id === state.docId) {
      state.dispatch({ type: 'setTitle', title }, { record: false });
      await this.flush();
    } else {
      await this.library?.rename(id, title);
    }
  }

  /** Deletes a stored document. Deleting the open one opens the next most recent, or a new default model. */
  async remove(id: string): Promise<void> {
    if (!this.library) return;
    const isCurrent = id === this.store.getState().docId;
    if (isCurrent && this.pending?.id === id) this.pending = null;
    await this.writes;
    await this.library.remove(id);
    if (!isCurrent) return;
    if (!(await this.restoreLatest())) await this.openAsNew(getTemplate('default'));
  }

  /** Writes any change still waiting for its quiet time. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) await this.write(pending.id, pending.doc);
    else await this.writes;
  }

  private schedule(id: string, doc: ModelDocument): void {
    // A change of document writes the previous one's last change at once.
    if (this.pending && this.pending.id !== id) void this.write(this.pending.id, this.pending.doc);
    this.pending = { id, doc };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private write(id: string, doc: ModelDocument): Promise<void> {
    const library = this.library;
    if (!library) return this.writes;
    this.writes = this.writes.then(() => library.save(id, doc)).catch((error: unknown) => this.onStorageError(error));
    return this.writes;
  }

  private async restoreLatest(): Promise<boolean> {
    if (!this.library) return false;
    for (const summary of await this.library.list()) {
      const loaded = await this.library.load(summary.id);
      if (loaded?.ok) {
        this.store.getState().openDocument(summary.id, loaded.value);
        return true;
      }
    }
    return false;
  }
}
