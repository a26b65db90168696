/**
 * The document store factory: one zustand store per open document, holding the document, its
 * derived analysis and the undo history. The app's store lives in document.ts; tests create their
 * own with `createDocumentStore`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis, ModelDocument } from '../graph/types';
import { applyChange, isLayoutChange, type Change } from './changes';
import { emptyHistory, pushEntry, squash, type History } from './history';

export interface DocumentState {
  docId: string;
  doc: ModelDocument;
  /** Derived from `doc` by the analyzer; recomputed only when an edit can change it. */
  analysis: Analysis;
  history: History;
  /** Number of open gestures; edits made while it is above zero become one undo entry. */
  gestureDepth: number;
  /** Inverses collected by the open gesture, in the order the edits were made. */
  gestureInverses: Change[];

  /** Replaces the document (a new one, an autosaved one, a shared link) and clears the history. */
  openDocument(docId: string, doc: ModelDocument): void;
  /**
   * Applies one edit; outside a gesture it becomes its own undo entry. With `record: false` it makes
   * no entry at all (automatic layout of a freshly opened document).
   */
  dispatch(change: Change, options?: { record?: boolean }): void;
  /** Starts a gesture: every edit until the matching `commitGesture` is undone in one step. */
  beginGesture(): void;
  commitGesture(): void;
  /** Reverts every edit of the open gesture and closes it without an undo entry. */
  cancelGesture(): void;
  undo(): void;
  redo(): void;
}

export type Analyzer = (doc: ModelDocument) => Analysis;
export type DocumentStore = StoreApi<DocumentState>;

export function createDocumentStore(analyze: Analyzer, docId: string, initial: ModelDocument): DocumentStore {
  return createStore<DocumentState>()((set, get) => {
    /** Applies `change` and returns the new state fields; analysis is reused after layout-only edits. */
    function apply(state: DocumentState, change: Change) {
      const { doc, inverse } = applyChange(state.doc, change);
      const analysis = isLayoutChange(change) ? state.analysis : analyze(doc);
      return { doc, analysis, inverse };
    }

    function closeGesture(state: DocumentState): Partial<DocumentState> {
      const entry = squash(state.gestureInverses);
      return {
        gestureDepth: 0,
        gestureInverses: [],
        history: entry ? pushEntry(state.history, entry) : state.history,
      };
    }

    return {
      docId,
      doc: initial,
      analysis: analyze(initial),
      history: emptyHistory,
      gestureDepth: 0,
      gestureInverses: [],

      openDocument(nextId, doc) {
        set({
          docId: nextId,
          doc,
          analysis: analyze(doc),
          history: emptyHistory,
          gestureDepth: 0,
          gestureInverses: [],
        });
      },

      dispatch(change, options) {
        const state = get();
        const { doc, analysis, inverse } = apply(state, change);
        if (options?.record === false) {
          set({ doc, analysis });
        } else if (state.gestureDepth > 0) {
          set({ doc, analysis, gestureInverses: [...state.gestureInverses, inverse] });
        } else {
          set({ doc, analysis, history: pushEntry(state.history, inverse) });
        }
      },

      beginGesture() {
        set((state) => ({ gestureDepth: state.gestureDepth + 1 }));
      },

      commitGesture() {
        const state = get();
        if (state.gestureDepth === 0) return;
        if (state.gestureDepth > 1) {
          set({ gestureDepth: state.gestureDepth - 1 });
          return;
        }
        set(closeGesture(state));
      },

      cancelGesture() {
        const state = get();
        if (state.gestureDepth === 0) return;
        const entry = squash(state.gestureInverses);
        if (!entry) {
          set({ gestureDepth: 0 });
          return;
        }
        const { doc, analysis } = apply(state, entry);
        set({ doc, analysis, gestureDepth: 0, gestureInverses: [] });
      },

      undo() {
        let state = get();
        if (state.gestureDepth > 0) {
          set(closeGesture(state));
          state = get();
        }
        const entry = state.history.undo.at(-1);
        if (!entry) return;
        const { doc, analysis, inverse } = apply(state, entry);
        set({
          doc,
          analysis,
          history: { undo: state.history.undo.slice(0, -1), redo: [...state.history.redo, inverse] },
        });
      },

      redo() {
        const state = get();
        if (state.gestureDepth > 0) return;
        const entry = state.history.redo.at(-1);
        if (!entry) return;
        const { doc, analysis, inverse } = apply(state, entry);
        set({
          doc,
          analysis,
          history: { undo: [...state.history.undo, inverse], redo: state.history.redo.slice(0, -1) },
        });
      },
    };
  });
}
