/**
 * The panels the app shell mounts: the training bar on top, and the tabbed area with summaries,
 * collections and the variable analyzer. `ScopeSparkline` is for collapsed scope nodes on the canvas.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { AnalyzerPanel } from './AnalyzerPanel';
import { CollectionsPanel } from './CollectionsPanel';
import { SummaryPanels } from './SummaryPanels';
import './panels.css';

export { TrainingBar } from './TrainingBar';
export { ScopeSparkline } from './ScopeSparkline';

type PanelTab = 'summaries' | 'collections' | 'analyzer';
const TABS: readonly PanelTab[] = ['summaries', 'collections', 'analyzer'];

export function PanelsArea() {
  const t = useT();
  const [tab, setTab] = useState<PanelTab>('summaries');

  return (
    <aside className="sf-panels" data-testid="panels-area">
      <div role="tablist" className="sf-tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            data-testid={`panels-tab-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`panels.tab.${name}`)}
          </button>
        ))}
      </div>
      {/* Summaries stay mounted while hidden, so switching tabs keeps the charts' state. */}
      <div role="tabpanel" hidden={tab !== 'summaries'}>
        <SummaryPanels />
      </div>
      {tab === 'collections' ? <div role="tabpanel"><CollectionsPanel /></div> : null}
      {tab === 'analyzer' ? <div role="tabpanel"><AnalyzerPanel /></div> : null}
    </aside>
  );
}
