import { formatShareError } from '../../share/errors';
import { useLanguage, useT } from '../i18n';
import { useShareUiStore } from './shareUiStore';

/** Shows the latest sharing message: a link or file that opened, or what went wrong and what to do. */
export function ShareNotice() {
  const t = useT();
  const language = useLanguage();
  const notice = useShareUiStore((state) => state.notice);
  if (!notice) return null;
  return (
    <div
      className={`sf-share-notice sf-share-notice--${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="share-notice"
      data-kind={notice.kind}
      data-code={notice.error?.code}
    >
      <span data-testid="share-notice-text">
        {t(notice.messageKey, notice.values)}
        {notice.error && ` ${formatShareError(language, notice.error)}`}
      </span>
      <button type="button" className="sf-link" data-testid="share-notice-dismiss" onClick={() => useShareUiStore.getState().showNotice(null)}>
        {t('share.notice.dismiss')}
      </button>
    </div>
  );
}
