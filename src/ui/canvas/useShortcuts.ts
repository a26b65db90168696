import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import {
  autoLayout,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  pasteClipboard,
  redo,
  selectAll,
  selectedScopesWithContents,
  undo,
  ungroupSelection,
  wrapSelection,
} from '../../store/actions';
import { useDialogStore } from '../dialogs';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Deletes the selection, asking first whether scopes that still hold nodes take their contents along. */
export function requestDelete(): void {
  if (selectedScopesWithContents().length > 0) useDialogStore.getState().show('deleteScope');
  else deleteSelection(false);
}

/** Keyboard shortcuts of the editor; the shortcuts dialog lists the same keys. */
export function useShortcuts(): void {
  const { fitView } = useReactFlow();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target) || useDialogStore.getState().open) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;

      if (mod && key === 'z' && !event.shiftKey) undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) redo();
      else if (mod && key === 'g' && event.shiftKey) ungroupSelection();
      else if (mod && key === 'g') wrapSelection();
      else if (mod && key === 'a') selectAll();
      else if (mod && key === 'c') copySelection();
      else if (mod && key === 'x') cutSelection();
      else if (mod && key === 'v') pasteClipboard();
      else if (mod && key === 'd') duplicateSelection();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) requestDelete();
      else if (!mod && event.key === '?') useDialogStore.getState().show('shortcuts');
      else if (!mod && event.shiftKey && key === 'l') void autoLayout().then(() => fitView());
      else if (!mod && event.shiftKey && event.code === 'Digit1') void fitView();
      else handled = false;

      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [fitView]);
}
