import { useRef } from 'react';
import { getTemplate, TEMPLATE_NAMES, type TemplateName } from '../../graph/templates';
import { shareError } from '../../share/errors';
import { documentFileName, DOCUMENT_FILE_TYPE, parseDocumentFile, serializeDocumentFile } from '../../share/json-file';
import { MAX_FILE_BYTES } from '../../share/limits';
import { buildTfjsFiles } from '../../share/tfjs-export';
import { documentStore } from '../../store/document';
import { trainingClient, useRun } from '../../store/run';
import type { LocalizedText } from '../../train/protocol';
import { useT } from '../i18n';
import { downloadFile } from './download';
import { showShareError, useShareUiStore } from './shareUiStore';

/** Opens a chosen file as a new document: a ScopeFlow JSON file of any version or a Keras model.json. */
async function openFile(file: File): Promise<void> {
  const { session, showNotice } = useShareUiStore.getState();
  if (!session) return;
  if (file.size > MAX_FILE_BYTES) {
    showShareError('share.files.failed', shareError('file-too-large', { file: file.name, size: file.size, max: MAX_FILE_BYTES }));
    return;
  }
  const parsed = parseDocumentFile(await file.text(), file.name);
  if (!parsed.ok) {
    showShareError('share.files.failed', parsed.error);
    return;
  }
  await session.openAsNew(parsed.value);
  showNotice({ kind: 'info', messageKey: 'share.files.opened', values: { title: parsed.value.title } });
}

/** Opens a fresh copy of a built-in template as a new document beside the current one. */
async function openTemplate(name: TemplateName): Promise<void> {
  const { session, showNotice } = useShareUiStore.getState();
  if (!session) return;
  const doc = getTemplate(name);
  await session.openAsNew(doc);
  showNotice({ kind: 'info', messageKey: 'share.files.opened', values: { title: doc.title } });
}

function saveFile(): void {
  const { doc } = documentStore.getState();
  downloadFile(documentFileName(doc), serializeDocumentFile(doc), DOCUMENT_FILE_TYPE);
}

/** Downloads the last trained model as `model.json` and its weights file. */
async function exportTrainedModel(): Promise<void> {
  const { showNotice } = useShareUiStore.getState();
  try {
    const files = buildTfjsFiles(await trainingClient.exportModel(), 'ScopeFlow');
    downloadFile('model.json', files.modelJson, 'application/json');
    downloadFile(files.weightsFileName, files.weights, 'application/octet-stream');
  } catch (error) {
    const text = error as Partial<LocalizedText>;
    if (typeof text.messageKey === 'string') showNotice({ kind: 'error', messageKey: text.messageKey, values: text.values });
    else showNotice({ kind: 'error', messageKey: 'share.files.exportFailed', values: { reason: String((error as Error)?.message ?? error) } });
  }
}

/** Save the document as JSON, open a JSON file, import a Keras / TensorFlow.js model.json, export the trained model. */
export function FileMenu() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const closeMenu = () => details.current?.removeAttribute('open');
  const trained = useRun((state) => (state.phase === 'done' || state.phase === 'stopped') && state.step > 0);

  return (
    <details className="sf-menu" ref={details} data-testid="file-menu">
      <summary className="sf-button" data-testid="file-menu-button">
        {t('share.files.menu')}
      </summary>
      <div className="sf-menu__items" role="menu">
        <button type="button" role="menuitem" className="sf-menu__item" data-testid="file-save" onClick={() => (closeMenu(), saveFile())}>
          {t('share.files.save')}
        </button>
        <button type="button" role="menuitem" className="sf-menu__item" data-testid="file-open" onClick={() => (closeMenu(), input.current?.click())}>
          {t('share.files.open')}
        </button>
        <button type="button" role="menuitem" className="sf-menu__item" data-testid="file-import-keras" onClick={() => (closeMenu(), input.current?.click())}>
          {t('share.files.importKeras')}
        </button>
        <div className="sf-menu__label">{t('share.files.newFromTemplate')}</div>
        {TEMPLATE_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            role="menuitem"
            className="sf-menu__item"
            data-testid={`file-template-${name}`}
            onClick={() => (closeMenu(), void openTemplate(name))}
          >
            {t(`share.files.template.${name}`)}
          </button>
        ))}
        <button
          type="button"
          role="menuitem"
          className="sf-menu__item"
          data-testid="file-export-tfjs"
          disabled={!trained}
          title={trained ? undefined : t('share.files.exportNotTrained')}
          onClick={() => (closeMenu(), void exportTrainedModel())}
        >
          {t('share.files.exportTfjs')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file-open-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void openFile(file);
        }}
      />
    </details>
  );
}
