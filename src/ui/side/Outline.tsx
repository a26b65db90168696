import { useMemo, useState } from 'react';
import { documentStore, selectAnalysis, selectStructureKey, useDocument } from '../../store/document';
import { selectSelectedNodeIds, useViewStore } from '../../store/view';
import { useReveal } from '../canvas/useReveal';
import { useT } from '../i18n';
import { outlineItems } from './outlineTree';

/** A tree of scopes and layers with a search by name or path; a click selects and reveals the node. */
export function Outline() {
  const t = useT();
  // The tree only changes with the structure, not while nodes are dragged.
  const structure = useDocument(selectStructureKey);
  const analysis = useDocument(selectAnalysis);
  const selected = useViewStore(selectSelectedNodeIds);
  const reveal = useReveal();
  const [query, setQuery] = useState('');
  const items = useMemo(
    () => outlineItems(documentStore.getState().doc.nodes, analysis, query),
    // `structure` stands for the nodes read above: it changes exactly when the tree does.
    [structure, analysis, query],
  );

  return (
    <div className="sf-outline" data-testid="outline">
      <input
        type="search"
        className="sf-outline__search"
        placeholder={t('ui.outline.search')}
        aria-label={t('ui.outline.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="outline-search"
      />
      {items.length === 0 && <p className="sf-hint">{t('ui.outline.noMatch', { query })}</p>}
      <ul role="tree">
        {items.map((item) => (
          <li key={item.id} role="treeitem" aria-selected={selected.includes(item.id)} style={{ paddingLeft: item.depth * 14 }}>
            <button
              type="button"
              className={`sf-outline__item sf-outline__item--${item.kind}${item.match ? ' sf-outline__item--match' : ''}`}
              data-testid={`outline-item-${item.id}`}
              title={item.path}
              onClick={() => reveal({ nodeId: item.id })}
            >
              <span>{item.name}</span>
              <small>{item.detail}</small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
