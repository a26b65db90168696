import { useEffect } from 'react';
import { formatShareError } from '../../share/errors';
import type { MessageValues } from '../../i18n';
import { useLanguage, useT, type Translate } from '../i18n';
import { useShareUiStore } from './shareUiStore';
import { displayTitle } from './title';

/** How long an info notice stays before it hides itself; errors stay until dismissed. */
const INFO_NOTICE_MS = 15_000;

/** Shows the latest sharing message: a link or file that opened, or what went wrong and what to do. */
export function ShareNotice() {
  const t = useT();
  const language = useLanguage();
  const notice = useShareUiStore((state) => state.notice);

  // The toast lies over the summary charts, so a success message should not stay there for good.
  useEffect(() => {
    if (!notice || notice.kind === 'error') return undefined;
    const timer = window.setTimeout(() => {
      if (useShareUiStore.getState().notice === notice) useShareUiStore.getState().showNotice(null);
    }, INFO_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

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
        {t(notice.messageKey, titled(t, notice.values))}
        {notice.error && ` ${formatShareError(language, notice.error)}`}
      </span>
      <button type="button" className="sf-link" data-testid="share-notice-dismiss" onClick={() => useShareUiStore.getState().showNotice(null)}>
        {t('share.notice.dismiss')}
      </button>
    </div>
  );
}

function titled(t: Translate, values: MessageValues | undefined): MessageValues | undefined {
  return values && typeof values.title === 'string' ? { ...values, title: displayTitle(t, values.title) } : values;
}
