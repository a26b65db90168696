/**
 * Undo/redo stacks built from the inverses that `applyChange` returns. Each entry is one user
 * gesture: a whole drag, a paste or a rename. Only document edits make entries; selection, view
 * state and derived analysis never do.
 */
import type { Change } from './changes';

export interface History {
  /** Changes that undo past gestures, the latest last. */
  undo: Change[];
  /** Changes that redo undone gestures, the latest undone last. */
  redo: Change[];
}

/** Maximum number of undo entries kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export const emptyHistory: History = { undo: [], redo: [] };

/** Records a new gesture's inverse and clears the redo stack. */
export function pushEntry(history: History, inverse: Change): History {
  const undo = [...history.undo, inverse];
  if (undo.length > HISTORY_LIMIT) undo.splice(0, undo.length - HISTORY_LIMIT);
  return { undo, redo: [] };
}

/** Folds the inverses collected during a gesture (in the order they were made) into one entry. */
export function squash(inverses: readonly Change[]): Change | null {
  if (inverses.length === 0) return null;
  if (inverses.length === 1) return inverses[0];
  return { type: 'batch', changes: [...inverses].reverse() };
}
