import { useCallback, useEffect, useState } from 'react';
import { formatShareError } from '../../share/errors';
import type { DocumentSummary } from '../../share/library';
import { selectDocId, useDocument } from '../../store/document';
import { Modal } from '../dialogs/Modal';
import { useLanguage, useT } from '../i18n';
import { useShareUiStore } from './shareUiStore';
import { displayTitle } from './title';

/** Lists the documents saved in this browser, to open, rename or delete one. */
export function DocumentsDialog() {
  const t = useT();
  const language = useLanguage();
  const session = useShareUiStore((state) => state.session);
  const currentId = useDocument(selectDocId);
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => useShareUiStore.getState().openDialog(null);

  const refresh = useCallback(async () => {
    if (session) setDocuments(await session.list());
  }, [session]);

  useEffect(() => {
    void refresh();
  }, [refresh, currentId]);

  if (!session) return null;

  const open = async (id: string) => {
    const result = await session.reopen(id);
    if (result && !result.ok) {
      setError(formatShareError(language, result.error));
      return;
    }
    close();
  };

  const commitRename = async () => {
    if (!renaming) return;
    const title = renaming.title.trim();
    setRenaming(null);
    if (title) await session.rename(renaming.id, title);
    await refresh();
  };

  const remove = async (item: DocumentSummary) => {
    if (!window.confirm(t('share.docs.confirmDelete', { title: item.title }))) return;
    await session.remove(item.id);
    await refresh();
  };

  return (
    <Modal title={t('share.docs.title')} testId="documents-dialog" onClose={close}>
      {error && (
        <p className="sf-share-warning" role="alert" data-testid="documents-error">
          {error}
        </p>
      )}
      {documents?.length === 0 && <p>{t('share.docs.empty')}</p>}
      <ul className="sf-documents">
        {documents?.map((item) => (
          <li key={item.id} className="sf-documents__item" data-testid="documents-item" data-doc-id={item.id} data-current={item.id === currentId}>
            {renaming?.id === item.id ? (
              <input
                className="sf-documents__rename"
                data-testid="documents-rename-input"
                aria-label={t('share.docs.renamePrompt', { title: item.title })}
                autoFocus
                value={renaming.title}
                maxLength={200}
                onChange={(event) => setRenaming({ id: item.id, title: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void commitRename();
                  if (event.key === 'Escape') setRenaming(null);
                }}
                onBlur={() => void commitRename()}
              />
            ) : (
              <span className="sf-documents__title" data-testid="documents-title">
                {displayTitle(t, item.title)}
                {item.id === currentId && <span className="sf-documents__current"> {t('share.docs.current')}</span>}
              </span>
            )}
            <span className="sf-documents__time">{t('share.docs.updated', { time: new Date(item.updatedAt).toLocaleString(language) })}</span>
            <span className="sf-documents__actions">
              <button type="button" className="sf-button" data-testid="documents-open" disabled={item.id === currentId} onClick={() => void open(item.id)}>
                {t('share.docs.open')}
              </button>
              <button type="button" className="sf-button" data-testid="documents-rename" onClick={() => setRenaming({ id: item.id, title: item.title })}>
                {t('share.docs.rename')}
              </button>
              <button type="button" className="sf-button" data-testid="documents-delete" onClick={() => void remove(item)}>
                {t('share.docs.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="sf-row sf-row--end">
        <button type="button" className="sf-button" data-testid="documents-close" onClick={close}>
          {t('share.dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
