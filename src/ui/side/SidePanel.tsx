import { useState } from 'react';
import { selectDiagnostics, useDocument } from '../../store/document';
import { useT } from '../i18n';
import { Outline } from './Outline';
import { ProblemsList } from './ProblemsList';

type SideTab = 'outline' | 'problems';

/** Outline and problems, under the inspector. */
export function SidePanel() {
  const t = useT();
  const [tab, setTab] = useState<SideTab>('outline');
  const problemCount = useDocument(selectDiagnostics).length;
  return (
    <section className="sf-side" data-testid="side-panel">
      <div role="tablist" className="sf-side__tabs">
        <button type="button" role="tab" aria-selected={tab === 'outline'} onClick={() => setTab('outline')} data-testid="side-tab-outline">
          {t('ui.outline.title')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'problems'} onClick={() => setTab('problems')} data-testid="side-tab-problems">
          {t('ui.problems.title', { count: problemCount })}
        </button>
      </div>
      <div role="tabpanel">{tab === 'outline' ? <Outline /> : <ProblemsList />}</div>
    </section>
  );
}
