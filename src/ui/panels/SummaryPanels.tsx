/**
 * Summary panels, TensorBoard-style: the loss chart on top, then one collapsible panel per scope
 * path (`summary-panel-<scope path>`, `summary-panel-(root)` for top-level tags), each with its tags
 * sectioned by the next path component.
 */
import { memo, useMemo, useState } from 'react';
import { selectAnalysis, useDocument } from '../../store/document';
import { useRun } from '../../store/run';
import { useT } from '../i18n';
import { groupSummaries, lossCurveTags, panelId, type SummaryGroup, type SummaryItem } from './grouping';
import { HistogramChart } from './HistogramChart';
import { ImageView } from './ImageView';
import { ScalarChart } from './ScalarChart';
import { selectSmoothing, usePanelSettings } from './settings';

const EMPTY: readonly string[] = [];

/** Joins keys into one string so that a selector result compares by value. Tags never contain `\n`. */
const joinKeys = (record: Record<string, unknown>) => Object.keys(record).join('\n');
const splitKeys = (joined: string) => (joined === '' ? EMPTY : joined.split('\n'));

export function SummaryPanels() {
  const t = useT();
  const analysis = useDocument(selectAnalysis);
  const scalarKeys = useRun((s) => joinKeys(s.scalars));
  const histogramKeys = useRun((s) => joinKeys(s.histograms));
  const imageKeys = useRun((s) => joinKeys(s.images));

  const received = useMemo(
    () => ({ scalars: splitKeys(scalarKeys), histograms: splitKeys(histogramKeys), images: splitKeys(imageKeys) }),
    [scalarKeys, histogramKeys, imageKeys],
  );
  const groups = useMemo(() => groupSummaries(analysis.summaries, received), [analysis.summaries, received]);
  const lossTags = useMemo(
    () => lossCurveTags(lossTermsOf(analysis.collections.LOSSES), analysis.summaries, received.scalars),
    [analysis.collections.LOSSES, analysis.summaries, received.scalars],
  );

  if (groups.length === 0) {
    return <p className="sf-muted" data-testid="summaries-empty">{t('panels.summaries.empty')}</p>;
  }

  return (
    <div className="sf-summaries" data-testid="summary-panels">
      {lossTags.length > 0 ? (
        <section className="sf-loss">
          <h3>
            {t('panels.summaries.loss')} <SmoothingControl />
          </h3>
          <ScalarChart tags={lossTags} testId="loss-chart" legendTestId="loss-curve-" height={160} />
        </section>
      ) : null}
      {groups.map((group) => (
        <ScopePanel key={group.scopePath} group={group} />
      ))}
    </div>
  );
}

function SmoothingControl() {
  const t = useT();
  const smoothing = usePanelSettings(selectSmoothing);
  return (
    <label className="sf-smoothing" title={t('panels.summaries.smoothingHelp')}>
      {t('panels.summaries.smoothing')}{' '}
      <input
        data-testid="smoothing-input"
        type="range"
        min={0}
        max={0.99}
        step={0.01}
        value={smoothing}
        onChange={(event) => usePanelSettings.getState().setSmoothing(Number(event.target.value))}
      />{' '}
      <output>{smoothing.toFixed(2)}</output>
    </label>
  );
}

function lossTermsOf(items: readonly { name: string }[] | undefined): string[] {
  return (items ?? []).map((item) => item.name);
}

const ScopePanel = memo(function ScopePanel({ group }: { group: SummaryGroup }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const id = panelId(group.scopePath);
  const count = group.sections.reduce((sum, section) => sum + section.items.length, 0);

  return (
    <section className="sf-scope-panel" data-testid={`summary-panel-${id}`} data-open={open}>
      <h3>
        <button type="button" className="sf-panel-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {group.scopePath === '' ? t('panels.summaries.root') : group.scopePath}{' '}
          <small className="sf-muted">({count})</small>
        </button>
      </h3>
      {/* Closed panels render no charts, so they cost nothing while training. */}
      {open
        ? group.sections.map((section) => (
            <div key={section.prefix} className="sf-section">
              {section.prefix !== '' ? <h4>{section.prefix}</h4> : null}
              {section.items.map((item) => (
                <SummaryView key={`${item.kind}:${item.tag}`} item={item} />
              ))}
            </div>
          ))
        : null}
    </section>
  );
});

function SummaryView({ item }: { item: SummaryItem }) {
  if (item.kind === 'scalar') return <ScalarChart tags={[item.tag]} testId={`scalar-${item.tag}`} />;
  if (item.kind === 'histogram') return <HistogramChart tag={item.tag} />;
  return <ImageView tag={item.tag} />;
}
