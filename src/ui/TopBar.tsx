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
        <svg className="sf-logo" width="22" height="22" viewBox="0 0 22 22" aria-hidden>
          <rect x="1" y="1" width="20" height="20" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="6" y="7" width="10" height="9" rx="2" fill="currentColor" />
        </svg>
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
