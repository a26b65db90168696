import { useState } from 'react';
import type { ParamSpec } from '../../graph/catalogue';
import { paramFormula } from '../../graph/formulas';
import type { ParamSource, ParamValue } from '../../graph/types';
import { useT } from '../i18n';
import './inspector.css';

/** Text shown in an input for a parameter value. */
export function formatParamValue(value: ParamValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Parses what the user typed for a parameter; an empty field means "not set here". */
export function parseParamText(spec: ParamSpec, text: string): ParamValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (spec.kind) {
    case 'int':
    case 'float':
      // Invalid numbers pass through as text, so the graph's parameter check names them.
      return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
    case 'ints': {
      const items = trimmed.split(/[\s,×x]+/).filter(Boolean).map(Number);
      return items.every(Number.isFinite) ? items : trimmed;
    }
    default:
      return trimmed;
  }
}

interface ParamFieldProps {
  testId: string;
  spec: ParamSpec;
  value: ParamValue | undefined;
  /** Origin of the shown value. `node` means the value is set on this node or entry. */
  source: ParamSource;
  onChange(value: ParamValue | undefined): void;
  /** Label for a value that is not set here (defaults to "catalogue default"). */
  unsetLabel?: string;
}

export function ParamField({ testId, spec, value, source, onChange, unsetLabel }: ParamFieldProps) {
  const t = useT();
  const own = source.from === 'node';
  const sourceText =
    source.from === 'arg_scope'
      ? t('ui.inspector.source.argScope', { scope: source.scopePath })
      : source.from === 'default'
        ? (unsetLabel ?? t('ui.inspector.source.default'))
        : t('ui.inspector.source.node');

  const formula = paramFormula(spec, value);

  return (
    <div className={`sf-field${own ? ' sf-field--own' : ''}`} data-testid={testId}>
      <label className="sf-field__label" htmlFor={`${testId}-input`}>
        <span>{spec.name}</span>
        <code className="sf-field__tf">{spec.tfName}</code>
      </label>
      <ParamInput id={`${testId}-input`} spec={spec} value={value} onChange={onChange} />
      {formula && (
        <code className="sf-field__formula" data-testid={`${testId}-formula`}>
          {formula}
        </code>
      )}
      <div className="sf-field__source" data-testid={`${testId}-source`}>
        {sourceText}
        {own && (
          <button type="button" className="sf-link" onClick={() => onChange(undefined)} data-testid={`${testId}-reset`}>
            {t('ui.inspector.reset')}
          </button>
        )}
      </div>
    </div>
  );
}

function ParamInput({ id, spec, value, onChange }: { id: string; spec: ParamSpec; value: ParamValue | undefined; onChange(value: ParamValue | undefined): void }) {
  if (spec.kind === 'enum') {
    return (
      <select id={id} value={formatParamValue(value)} onChange={(event) => onChange(event.target.value)}>
        {(spec.options ?? []).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'bool') {
    return <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
  }
  return <TextParamInput key={formatParamValue(value)} id={id} spec={spec} value={value} onChange={onChange} />;
}

/** Renders a text box that commits on Enter or when it loses focus. */
function TextParamInput({ id, spec, value, onChange }: { id: string; spec: ParamSpec; value: ParamValue | undefined; onChange(value: ParamValue | undefined): void }) {
  const [draft, setDraft] = useState(formatParamValue(value));
  const commit = () => {
    if (draft !== formatParamValue(value)) onChange(parseParamText(spec, draft));
  };
  return (
    <input
      id={id}
      type="text"
      inputMode={spec.kind === 'int' || spec.kind === 'float' ? 'decimal' : undefined}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(formatParamValue(value));
      }}
    />
  );
}
