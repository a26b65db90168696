import { selectTitle, useDocument } from '../store/document';
import { useLanguage, useLanguageStore, useT } from './i18n';
import { TrainingBar } from './panels';
import { displayTitle } from './share/title';
import { ShareSlot } from './ShareSlot';

/**
 * Renders the header as one row of fixed height: brand and title, the training bar, and the
 * document and language controls. The editing tools sit on the canvas (CanvasToolbar).
 */
export function TopBar() {
  const t = useT();
  const language = useLanguage();
  const title = useDocument(selectTitle);

  return (
    <header className="sf-topbar">
      <div className="sf-topbar__brand">
        <svg className="sf-logo" width="22" height="22" viewBox="0 0 22 22" aria-hidden>
          <rect x="1" y="1" width="20" height="20" rx="4" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="6" y="7" width="10" height="9" rx="2" fill="currentColor" />
        </svg>
        <h1>ScopeFlow</h1>
        <span className="sf-topbar__title" data-testid="document-title" title={title}>
          {displayTitle(t, title)}
        </span>
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
