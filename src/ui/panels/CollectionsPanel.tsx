/**
 * The collections panel: pick a key (a standard `tf.GraphKeys` key or a user collection), filter by
 * scope as `get_collection(key, scope)` does, and click an item to select its node on the canvas.
 */
import { useMemo, useState } from 'react';
import { selectAnalysis, selectDoc, useDocument } from '../../store/document';
import { useViewStore } from '../../store/view';
import { useT } from '../i18n';
import { collectionKeys, queryCollection } from './collectionQuery';

export function CollectionsPanel() {
  const t = useT();
  const analysis = useDocument(selectAnalysis);
  const userCollections = useDocument((state) => selectDoc(state).collections);
  const [key, setKey] = useState('GLOBAL_VARIABLES');
  const [scope, setScope] = useState('');

  const keys = useMemo(() => collectionKeys(analysis, userCollections), [analysis, userCollections]);
  const query = useMemo(() => queryCollection(analysis, key, scope), [analysis, key, scope]);
  const items = query.ok ? query.items : [];
  const countOf = (name: string) => analysis.collections[name]?.length ?? 0;

  let emptyText: string | undefined;
  if (query.ok && items.length === 0) {
    emptyText = scope === '' ? t('panels.collections.empty', { key }) : t('panels.collections.emptyFiltered', { key, scope });
  }

  return (
    <div className="sf-collections" data-testid="collections-panel">
      <div className="sf-form-row">
        <label>
          {t('panels.collections.key')}{' '}
          <select data-testid="collection-key-select" value={key} onChange={(event) => setKey(event.target.value)}>
            <optgroup label={t('panels.collections.standardGroup')}>
              {keys.standard.map((name) => (
                <option key={name} value={name}>
                  {name} ({countOf(name)})
                </option>
              ))}
            </optgroup>
            {keys.user.length > 0 ? (
              <optgroup label={t('panels.collections.userGroup')}>
                {keys.user.map((name) => (
                  <option key={name} value={name}>
                    {name} ({countOf(name)})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <label title={t('panels.collections.scopeHelp')}>
          {t('panels.collections.scope')}{' '}
          <input
            data-testid="collection-scope-input"
            type="text"
            value={scope}
            spellCheck={false}
            placeholder={t('panels.collections.scopePlaceholder')}
            aria-invalid={!query.ok}
            onChange={(event) => setScope(event.target.value)}
          />
        </label>
      </div>
      {query.ok ? null : (
        <p className="sf-error" data-testid="collection-scope-error" role="alert">
          {t(query.problem.messageKey, query.problem.values)}
        </p>
      )}
      <p className="sf-muted" data-testid="collection-count" data-count={items.length}>
        <code>
          tf.get_collection({key}
          {scope === '' ? '' : `, '${scope}'`})
        </code>{' '}
        {t('panels.collections.count', { count: items.length })}
      </p>
      {emptyText ? <p className="sf-muted">{emptyText}</p> : null}
      <ul className="sf-collection-items">
        {items.map((item, index) => (
          <li key={`${item.name}#${index}`}>
            <button
              type="button"
              className="sf-link"
              data-testid={`collection-item-${item.name}`}
              data-node-id={item.nodeId}
              title={t('panels.collections.select', { name: item.name })}
              onClick={() => useViewStore.getState().select([item.nodeId])}
            >
              {item.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
