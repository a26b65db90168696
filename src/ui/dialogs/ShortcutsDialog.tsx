import { useDialogStore } from '../dialogs';
import { useT } from '../i18n';
import { Modal } from './Modal';

/** Keys and the message key of what they do; useShortcuts implements the same list. */
const SHORTCUTS: [keys: string, action: string][] = [
  ['Ctrl+Z', 'ui.shortcuts.undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'ui.shortcuts.redo'],
  ['Delete / Backspace', 'ui.shortcuts.delete'],
  ['Ctrl+G', 'ui.shortcuts.group'],
  ['Ctrl+Shift+G', 'ui.shortcuts.ungroup'],
  ['Ctrl+C / Ctrl+X / Ctrl+V', 'ui.shortcuts.clipboard'],
  ['Ctrl+D', 'ui.shortcuts.duplicate'],
  ['Ctrl+A', 'ui.shortcuts.selectAll'],
  ['Shift+L', 'ui.shortcuts.layout'],
  ['Shift+1', 'ui.shortcuts.fit'],
  ['Alt + drag', 'ui.shortcuts.freeDrag'],
  ['Shift + drag', 'ui.shortcuts.boxSelect'],
  ['Shift/Ctrl + click', 'ui.shortcuts.addToSelection'],
  ['?', 'ui.shortcuts.help'],
];

export function ShortcutsDialog() {
  const t = useT();
  const close = useDialogStore((state) => state.close);
  return (
    <Modal title={t('ui.shortcuts.title')} testId="shortcuts-dialog" onClose={close}>
      <table className="sf-shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{t(action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sf-row sf-row--end">
        <button type="button" className="sf-button" onClick={close} data-testid="shortcuts-close">
          {t('ui.close')}
        </button>
      </div>
    </Modal>
  );
}
