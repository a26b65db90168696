/**
 * Sharing in the top bar: the Share button and its dialog, the File menu, the documents list and
 * the notice line. `ShareControls` also opens the page's shared link and starts autosaving.
 */
import { useT } from '../i18n';
import { DocumentsDialog } from './DocumentsDialog';
import { FileMenu } from './FileMenu';
import { ShareDialog } from './ShareDialog';
import { ShareNotice } from './ShareNotice';
import { useShareUiStore } from './shareUiStore';
import { useShareSession } from './useShareSession';
import './share.css';

export { ShareNotice };
export { displayTitle } from './title';

export function ShareControls() {
  const t = useT();
  useShareSession();
  const ready = useShareUiStore((state) => state.ready);
  const dialog = useShareUiStore((state) => state.dialog);
  const openDialog = useShareUiStore((state) => state.openDialog);

  return (
    <div className="sf-share" data-testid="share-controls" data-ready={ready}>
      <FileMenu />
      <button type="button" className="sf-button" data-testid="documents-button" disabled={!ready} onClick={() => openDialog('documents')}>
        {t('share.docs.menu')}
      </button>
      <button type="button" className="sf-button sf-button--primary" data-testid="share-button" onClick={() => openDialog('share')}>
        {t('share.button')}
      </button>
      <ShareNotice />
      {dialog === 'share' && <ShareDialog />}
      {dialog === 'documents' && <DocumentsDialog />}
    </div>
  );
}
