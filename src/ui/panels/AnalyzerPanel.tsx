/**
 * The analyzer panel: `model_analyzer.analyze_vars` as a table, subtotals for every scope prefix and
 * the totals, filterable by scope and collection, with the model's estimated training memory.
 */
import { useMemo, useState } from 'react';
import { analyzeVars, formatAnalyzeVars, type AnalyzeVarsResult } from '../../graph/analyzer';
import { GraphKeys } from '../../graph/graph-keys';
import type { Problem } from '../../graph/problems';
import { InvalidScopePatternError } from '../../graph/queries';
import type { Analysis } from '../../graph/types';
import { selectAnalysis, selectTraining, useDocument } from '../../store/document';
import { useViewStore } from '../../store/view';
import { useT } from '../i18n';
import { collectionKeys } from './collectionQuery';
import { formatBytes, trainingMemoryCheck } from './memory';

type AnalyzerQuery = { ok: true; result: AnalyzeVarsResult } | { ok: false; problem: Problem };

function runAnalyzer(analysis: Analysis, scope: string, collection: string): AnalyzerQuery {
  try {
    return { ok: true, result: analyzeVars(analysis, { scope, collection }) };
  } catch (error) {
    if (error instanceof InvalidScopePatternError) return { ok: false, problem: error.problem };
    throw error;
  }
}

const formatCount = (value: number) => value.toLocaleString('en-US');

export function AnalyzerPanel() {
  const t = useT();
  const analysis = useDocument(selectAnalysis);
  const training = useDocument(selectTraining);
  const userCollections = useDocument((state) => state.doc.collections);
  const [scope, setScope] = useState('');
  const [collection, setCollection] = useState<string>(GraphKeys.GLOBAL_VARIABLES);

  const query = useMemo(() => runAnalyzer(analysis, scope, collection), [analysis, scope, collection]);
  const keys = useMemo(() => collectionKeys(analysis, userCollections), [analysis, userCollections]);
  const memory = trainingMemoryCheck(analysis, training);
  const ownerOf = useMemo(() => new Map(analysis.variables.map((v) => [v.name, v.ownerId])), [analysis.variables]);

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
            aria-invalid={!query.ok}
            onChange={(event) => setScope(event.target.value)}
          />
        </label>
        <label>
          {t('panels.analyzer.collection')}{' '}
          <select data-testid="analyzer-collection-select" value={collection} onChange={(event) => setCollection(event.target.value)}>
            {[...keys.standard, ...keys.user].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {query.ok ? (
          <button type="button" onClick={() => void navigator.clipboard?.writeText(formatAnalyzeVars(query.result))}>
            {t('panels.analyzer.copy')}
          </button>
        ) : null}
      </div>
      {query.ok ? (
        <AnalyzerTables result={query.result} ownerOf={ownerOf} />
      ) : (
        <p className="sf-error" data-testid="analyzer-scope-error" role="alert">
          {t(query.problem.messageKey, query.problem.values)}
        </p>
      )}
    </div>
  );
}

function AnalyzerTables({ result, ownerOf }: { result: AnalyzeVarsResult; ownerOf: ReadonlyMap<string, string> }) {
  const t = useT();
  if (result.rows.length === 0) return <p className="sf-muted">{t('panels.analyzer.empty')}</p>;

  return (
    <>
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
          {result.rows.map((row) => (
            <tr key={row.name} data-testid={`analyzer-row-${row.name}`}>
              <td>
                <button
                  type="button"
                  className="sf-link"
                  onClick={() => {
                    const owner = ownerOf.get(row.name);
                    if (owner) useViewStore.getState().select([owner]);
                  }}
                >
                  {row.name}
                </button>
              </td>
              <td>
                ({row.dtype}_ref {row.shape.join('x')})
              </td>
              <td className="sf-number">{formatCount(row.size)}</td>
              <td className="sf-number">{formatCount(row.bytes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="analyzer-total" data-size={result.totalSize} data-bytes={result.totalBytes}>
            <td colSpan={2}>{t('panels.analyzer.total')}</td>
            <td className="sf-number">{formatCount(result.totalSize)}</td>
            <td className="sf-number">{formatCount(result.totalBytes)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="sf-muted" data-testid="analyzer-totals">
        {t('panels.analyzer.totalSize', { size: result.totalSize })} · {t('panels.analyzer.totalBytes', { bytes: result.totalBytes })}
      </p>
      <table className="sf-analyzer-table" data-testid="analyzer-subtotals">
        <thead>
          <tr>
            <th>{t('panels.analyzer.subtotal')}</th>
            <th>{t('panels.analyzer.variables')}</th>
            <th>{t('panels.analyzer.size')}</th>
            <th>{t('panels.analyzer.bytes')}</th>
          </tr>
        </thead>
        <tbody>
          {result.subtotals.map((subtotal) => (
            <tr key={subtotal.scope} data-testid={`analyzer-subtotal-${subtotal.scope}`} data-size={subtotal.size}>
              {/* Indenting by depth shows the scope tree. */}
              <td style={{ paddingLeft: 6 + 12 * (subtotal.scope.split('/').length - 1) }}>{subtotal.scope}</td>
              <td className="sf-number">{subtotal.count}</td>
              <td className="sf-number">{formatCount(subtotal.size)}</td>
              <td className="sf-number">{formatCount(subtotal.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
