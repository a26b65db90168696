import { useState } from 'react';
import type { Diagnostic } from '../../graph/types';
import { renameNode } from '../../store/actions';
import { useT } from '../i18n';

/**
 * Edits a node's name in place on the canvas. Enter applies the name after the graph's rename
 * check; a rejected name stays in the box with the reason under it. Escape or leaving the box
 * keeps the old name.
 */
export function InlineRename({ nodeId, name, onDone }: { nodeId: string; name: string; onDone(): void }) {
  const t = useT();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<Diagnostic | null>(null);

  const commit = () => {
    const result = renameNode(nodeId, draft.trim());
    if (result) setProblem(result);
    else onDone();
  };

  return (
    <div className="sf-inline-rename nodrag">
      <input
        autoFocus
        type="text"
        aria-label={t('ui.inspector.name')}
        data-testid={`rename-input-${nodeId}`}
        value={draft}
        aria-invalid={problem !== null}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') onDone();
        }}
        onBlur={onDone}
      />
      {problem && (
        <div className="sf-field__error" role="alert" data-testid={`rename-error-${nodeId}`}>
          {t(problem.messageKey, problem.values)}
        </div>
      )}
    </div>
  );
}
