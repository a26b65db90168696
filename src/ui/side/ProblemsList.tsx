import { selectDiagnostics, useDocument } from '../../store/document';
import { useReveal } from '../canvas/useReveal';
import { useT } from '../i18n';

/** Lists every diagnostic of the document. A click selects the node or edge it is about. */
export function ProblemsList() {
  const t = useT();
  const diagnostics = useDocument(selectDiagnostics);
  const reveal = useReveal();

  if (diagnostics.length === 0) {
    return (
      <p className="sf-hint" data-testid="problems-empty">
        {t('ui.problems.none')}
      </p>
    );
  }
  return (
    <ul className="sf-problems" data-testid="problems-list">
      {diagnostics.map((diagnostic, index) => (
        <li key={index}>
          <button
            type="button"
            className={`sf-problem sf-diagnostic--${diagnostic.severity}`}
            data-testid={`problem-${index}`}
            data-code={diagnostic.code}
            disabled={!diagnostic.nodeId && !diagnostic.edgeId}
            onClick={() => reveal({ nodeId: diagnostic.nodeId, edgeId: diagnostic.edgeId })}
          >
            <span className="sf-problem__severity">{t(`ui.problems.${diagnostic.severity}`)}</span>
            {t(diagnostic.messageKey, diagnostic.values)}
          </button>
        </li>
      ))}
    </ul>
  );
}
