import { useMemo } from 'react';
import { selectNodeContent, useDocument } from '../../store/document';
import { selectSelectedNodeIds, selectSoleSelectedNodeId, useViewStore } from '../../store/view';
import { useT } from '../i18n';
import { LayerInspector } from './LayerInspector';
import { ScopeInspector } from './ScopeInspector';
import { TrainingInspector } from './TrainingInspector';

/** Edits the selected layer or scope; with nothing selected, the document's training settings. */
export function Inspector() {
  const t = useT();
  const soleId = useViewStore(selectSoleSelectedNodeId);
  const selectedCount = useViewStore(selectSelectedNodeIds).length;
  const node = useDocument(useMemo(() => selectNodeContent(soleId ?? ''), [soleId]));

  return (
    <aside className="sf-inspector" aria-label={t('ui.inspector.title')} data-testid="inspector">
      <h2 className="sf-panel-title">{t('ui.inspector.title')}</h2>
      {node?.kind === 'layer' && <LayerInspector key={node.id} node={node} />}
      {node?.kind === 'scope' && <ScopeInspector key={node.id} scope={node} />}
      {!node && selectedCount > 1 && <p className="sf-hint">{t('ui.inspector.many', { count: selectedCount })}</p>}
      {!node && selectedCount <= 1 && <TrainingInspector />}
    </aside>
  );
}
