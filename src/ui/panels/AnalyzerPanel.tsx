/**
 * The analyzer panel: `model_analyzer.analyze_vars` as a table with per-scope subtotals and totals,
 * filterable by scope and collection, and the model's estimated training memory.
 */
import { Fragment, useMemo, useState } from 'react';
import { selectAnalysis, useDocument } from '../../store/document';
import { useViewStore } from '../../store/view';
import { useT } from '../i18n';
import { buildAnalyzerTable, formatAnalyzerTable } from './analyzerTable';
import { collectionKeys, compileScopeFilter } from './collectionQuery';
import { formatBytes, trainingMemoryCheck } from './memory';

export function AnalyzerPanel() {
  const t = useT();
  const analysis = useDocument(selectAnalysis);
  const userCollections = useDocument((state) => state.doc.collections);
  const [scope, setScope] = useState('');
  const [collection, setCollection] = useState('');

  const filter = useMemo(() => compileScopeFilter(scope), [scope]);
  const table = useMemo(() => buildAnalyzerTable(analysis, filter, collection || undefined), [analysis, filter, collection]);
  const keys = useMemo(() => collectionKeys(analysis, userCollections), [analysis, userCollections]);
  const memory = trainingMemoryCheck(analysis);

  return (
    <div className="sf-analyzer" data-testid="analyzer-panel">
      <h3>
        <code>{t('panels.analyzer.title')}</code>
      </h3>
      <p data-testid="training-memory" data-fits={memory.fits} className={memory.fits ? 'sf-muted' : 'sf-error'}>
        {memory.fits
          ? t('panels.train.memoryEstimate', { needed: formatBytes(memory.neededBytes) })
          : t('panels.train.tooLarge', { needed: formatBytes(memory.neededBytes), limit: formatBytes(memory.limitBytes) })}
      </p>
      <div className="sf-form-row">
        <label>
          {t('panels.analyzer.scope')}{' '}
          <input
            data-testid="analyzer-scope-input"
            type="text"
            value={scope}
            spellCheck={false}
            placeholder={t('panels.collections.scopePlaceholder')}
            aria-invalid={!filter.ok}
            onChange={(event) => setScope(event.target.value)}
          />
        </label>
        <label>
          {t('panels.analyzer.collection')}{' '}
          <select data-testid="analyzer-collection-select" value={collection} onChange={(event) => setCollection(event.target.value)}>
            <option value="">{t('panels.analyzer.allCollections')}</option>
            {[...keys.standard, ...keys.user].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(formatAnalyzerTable(table))}>
          {t('panels.analyzer.copy')}
        </button>
      </div>
      {filter.ok ? null : (
        <p className="sf-error" data-testid="analyzer-scope-error" role="alert">
          {t('panels.collections.invalidScope', { scope, detail: filter.detail })}
        </p>
      )}
      {table.groups.length === 0 ? (
        <p className="sf-muted">{t('panels.analyzer.empty')}</p>
      ) : (
        <table className="sf-analyzer-table" data-testid="analyzer-table">
          <thead>
            <tr>
              <th>{t('panels.analyzer.name')}</th>
              <th>{t('panels.analyzer.shape')}</th>
              <th>{t('panels.analyzer.size')}</th>
              <th>{t('panels.analyzer.bytes')}</th>
            </tr>
          </thead>
          <tbody>
            {table.groups.map((group) => (
              <Fragment key={group.scopePath}>
                {group.rows.map((row) => (
                  <tr key={row.name} data-testid={`analyzer-row-${row.name}`}>
                    <td>
                      <button type="button" className="sf-link" onClick={() => useViewStore.getState().select([row.ownerId])}>
                        {row.name}
                      </button>
                    </td>
                    <td>({row.typeAndShape})</td>
                    <td className="sf-number">{row.size.toLocaleString('en-US')}</td>
                    <td className="sf-number">{row.bytes.toLocaleString('en-US')}</td>
                  </tr>
                ))}
                <tr className="sf-subtotal" data-testid={`analyzer-subtotal-${group.scopePath || '(root)'}`} data-size={group.size}>
                  <td colSpan={2}>
                    {t('panels.analyzer.subtotal')} {group.scopePath === '' ? t('panels.summaries.root') : group.scopePath}
                  </td>
                  <td className="sf-number">{group.size.toLocaleString('en-US')}</td>
                  <td className="sf-number">{group.bytes.toLocaleString('en-US')}</td>
                </tr>
              </Fragment>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="analyzer-total" data-size={table.size} data-bytes={table.bytes}>
              <td colSpan={2}>{t('panels.analyzer.total')}</td>
              <td className="sf-number">{table.size.toLocaleString('en-US')}</td>
              <td className="sf-number">{table.bytes.toLocaleString('en-US')}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <p className="sf-muted" data-testid="analyzer-totals">
        {t('panels.analyzer.totalSize', { size: table.size })} · {t('panels.analyzer.totalBytes', { bytes: table.bytes })}
      </p>
    </div>
  );
}
