import { useRef, useState } from 'react';
import type { Diagnostic } from '../../graph/types';
import { renameNode } from '../../store/actions';
import { useT } from '../i18n';

/**
 * Edits a node's name in place on the canvas. Enter or leaving the box applies the name after the
 * graph's rename check, and a rejected name stays in the box with the reason under it. Escape
 * keeps the old name.
 */
export function InlineRename({ nodeId, name, onDone }: { nodeId: string; name: string; onDone(): void }) {
  const t = useT();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<Diagnostic | null>(null);
  // Set on Escape, so that the blur that follows does not apply the draft.
  const cancelled = useRef(false);

  const commit = () => {
    if (cancelled.current) return;
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
          if (event.key === 'Escape') {
            cancelled.current = true;
            onDone();
          }
        }}
        onBlur={commit}
      />
      {problem && (
        <div className="sf-field__error" role="alert" data-testid={`rename-error-${nodeId}`}>
          {t(problem.messageKey, problem.values)}
        </div>
      )}
    </div>
  );
}
