import { useReactFlow } from '@xyflow/react';
import { autoLayout, redo, undo, wrapSelection } from '../store/actions';
import { selectCanRedo, selectCanUndo, selectTitle, useDocument } from '../store/document';
import { useDialogStore } from './dialogs';
import { useLanguage, useLanguageStore, useT } from './i18n';
import { TrainingBar } from './panels';
import { ShareSlot } from './ShareSlot';

export function TopBar() {
  const t = useT();
  const language = useLanguage();
  const title = useDocument(selectTitle);
  const canUndo = useDocument(selectCanUndo);
  const canRedo = useDocument(selectCanRedo);
  const { fitView } = useReactFlow();

  return (
    <header className="sf-topbar">
      <div className="sf-topbar__brand">
        <span className="sf-logo" aria-hidden>
          ⧉
        </span>
        <h1>ScopeFlow</h1>
        <span className="sf-topbar__title" data-testid="document-title">
          {title}
        </span>
      </div>
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
      <div className="sf-topbar__training">
        <TrainingBar />
      </div>
      <div className="sf-topbar__end">
        <ShareSlot />
        <button
          type="button"
          className="sf-button sf-language"
          data-testid="language-switch"
          lang={language === 'en' ? 'ko' : 'en'}
          onClick={() => useLanguageStore.getState().setLanguage(language === 'en' ? 'ko' : 'en')}
          aria-label={t('ui.language.switch')}
        >
          {language === 'en' ? '한국어' : 'English'}
        </button>
      </div>
    </header>
  );
}
