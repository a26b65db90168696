import { deleteSelection } from '../../store/actions';
import { useDialogStore } from '../dialogs';
import { useT } from '../i18n';
import { Modal } from './Modal';

/** Asks whether deleting a scope that still contains nodes deletes them too or keeps them in place. */
export function DeleteScopeDialog() {
  const t = useT();
  const close = useDialogStore((state) => state.close);
  const choose = (keepContents: boolean) => {
    close();
    deleteSelection(keepContents);
  };
  return (
    <Modal title={t('ui.deleteScope.title')} testId="delete-scope-dialog" onClose={close}>
      <p>{t('ui.deleteScope.body')}</p>
      <div className="sf-row sf-row--end">
        <button type="button" className="sf-button sf-button--quiet" onClick={close} data-testid="delete-scope-cancel">
          {t('ui.cancel')}
        </button>
        <button type="button" className="sf-button" onClick={() => choose(true)} data-testid="delete-scope-keep">
          {t('ui.deleteScope.keep')}
        </button>
        <button type="button" className="sf-button sf-button--danger" onClick={() => choose(false)} data-testid="delete-scope-all">
          {t('ui.deleteScope.all')}
        </button>
      </div>
    </Modal>
  );
}
