import { useState } from 'react';
import type { Diagnostic } from '../../graph/types';
import { renameNode } from '../../store/actions';
import { useT } from '../i18n';

/** Edits the name of a layer or scope. A rejected name stays in the box with the reason under it. */
export function NameField({ nodeId, name }: { nodeId: string; name: string }) {
  const t = useT();
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<Diagnostic | null>(null);

  const commit = () => {
    const result = renameNode(nodeId, draft.trim());
    setProblem(result);
  };

  return (
    <div className="sf-field">
      <label className="sf-field__label" htmlFor="inspector-name">
        {t('ui.inspector.name')}
      </label>
      <input
        id="inspector-name"
        data-testid="inspector-name"
        type="text"
        value={draft}
        aria-invalid={problem !== null}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(null);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') {
            setDraft(name);
            setProblem(null);
          }
        }}
      />
      {problem && (
        <div className="sf-field__error" role="alert" data-testid="inspector-name-error">
          {t(problem.messageKey, problem.values)}
        </div>
      )}
    </div>
  );
}
