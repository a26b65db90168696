import { useMemo, useState } from 'react';
import { documentFileName, DOCUMENT_FILE_TYPE, serializeDocumentFile } from '../../share/json-file';
import { buildShareUrl, encodeShareFragment } from '../../share/link';
import { LONG_LINK_CHARS } from '../../share/limits';
import { formatShareError } from '../../share/errors';
import { documentStore } from '../../store/document';
import { Modal } from '../dialogs/Modal';
import { useLanguage, useT } from '../i18n';
import { downloadFile } from './download';
import { useShareUiStore } from './shareUiStore';

type CopyState = 'idle' | 'copied' | 'failed';

/** Shows the share link of the open document, with a copy button and, for a long link, the file instead. */
export function ShareDialog() {
  const t = useT();
  const language = useLanguage();
  const close = () => useShareUiStore.getState().openDialog(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  // The link describes the document as it is when the dialog opens.
  const doc = useMemo(() => documentStore.getState().doc, []);
  const encoded = useMemo(() => encodeShareFragment(doc), [doc]);
  const url = encoded.ok ? buildShareUrl(window.location.href, encoded.value) : '';
  const tooLong = url.length > LONG_LINK_CHARS;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <Modal title={t('share.dialog.title')} testId="share-dialog" onClose={close}>
      {encoded.ok ? (
        <>
          <label className="sf-share-label" htmlFor="sf-share-url">
            {t('share.dialog.linkLabel')}
            <span className="sf-share-length" data-testid="share-length">
              {t('share.dialog.length', { length: url.length })}
            </span>
          </label>
          <textarea
            id="sf-share-url"
            className="sf-share-url"
            data-testid="share-url"
            readOnly
            rows={4}
            value={url}
            onFocus={(event) => event.currentTarget.select()}
          />
          {tooLong && (
            <p className="sf-share-warning" role="alert" data-testid="share-long-warning">
              {t('share.dialog.tooLong', { length: url.length, max: LONG_LINK_CHARS })}
            </p>
          )}
          {copyState !== 'idle' && (
            <p className="sf-share-status" role="status" data-testid="share-copy-status">
              {t(copyState === 'copied' ? 'share.dialog.copied' : 'share.dialog.copyFailed')}
            </p>
          )}
        </>
      ) : (
        <p className="sf-share-warning" role="alert" data-testid="share-invalid">
          {t('share.dialog.invalid')} {formatShareError(language, encoded.error)}
        </p>
      )}
      <div className="sf-row sf-row--end">
        {(tooLong || !encoded.ok) && (
          <button
            type="button"
            className="sf-button"
            data-testid="share-download"
            onClick={() => downloadFile(documentFileName(doc), serializeDocumentFile(doc), DOCUMENT_FILE_TYPE)}
          >
            {t('share.dialog.download')}
          </button>
        )}
        {encoded.ok && (
          <button type="button" className={tooLong ? 'sf-button' : 'sf-button sf-button--primary'} data-testid="share-copy" onClick={() => void copy()}>
            {t('share.dialog.copy')}
          </button>
        )}
        <button type="button" className="sf-button" data-testid="share-close" onClick={close}>
          {t('share.dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
