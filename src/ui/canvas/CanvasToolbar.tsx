import { Panel, useReactFlow } from '@xyflow/react';
import { autoLayout, redo, undo, wrapSelection } from '../../store/actions';
import { selectCanRedo, selectCanUndo, useDocument } from '../../store/document';
import { useDialogStore } from '../dialogs';
import { useT } from '../i18n';

/** Renders the editing tools over the canvas's top left corner, next to what they edit. */
export function CanvasToolbar() {
  const t = useT();
  const canUndo = useDocument(selectCanUndo);
  const canRedo = useDocument(selectCanRedo);
  const { fitView } = useReactFlow();

  return (
    <Panel position="top-left" className="sf-canvas-toolbar">
      <div className="sf-toolbar" role="toolbar" aria-label={t('ui.toolbar')}>
        <button type="button" className="sf-button" onClick={undo} disabled={!canUndo} data-testid="undo" title="Ctrl+Z">
          {t('ui.undo')}
        </button>
        <button type="button" className="sf-button" onClick={redo} disabled={!canRedo} data-testid="redo" title="Ctrl+Shift+Z">
          {t('ui.redo')}
        </button>
        <button type="button" className="sf-button" onClick={() => wrapSelection()} data-testid="wrap-in-scope" title="Ctrl+G">
          {t('ui.wrapInScope')}
        </button>
        <button
          type="button"
          className="sf-button"
          onClick={() => void autoLayout().then(() => fitView())}
          data-testid="auto-layout"
          title="Shift+L"
        >
          {t('ui.autoLayout')}
        </button>
        <button
          type="button"
          className="sf-button sf-button--quiet"
          onClick={() => useDialogStore.getState().show('shortcuts')}
          data-testid="shortcuts-button"
          title="?"
        >
          {t('ui.shortcuts.button')}
        </button>
      </div>
    </Panel>
  );
}
