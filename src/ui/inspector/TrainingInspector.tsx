import { useState } from 'react';
import type { OptimizerName, TrainingConfig } from '../../graph/types';
import { dispatch } from '../../store/actions';
import { selectTraining, useDocument } from '../../store/document';
import { useT } from '../i18n';

const OPTIMIZERS: OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop'];

type NumberKey = 'learningRate' | 'batchSize' | 'epochs' | 'summaryEvery' | 'seed';

const NUMBER_FIELDS: { key: NumberKey; integer: boolean; min: number }[] = [
  { key: 'learningRate', integer: false, min: 0 },
  { key: 'batchSize', integer: true, min: 1 },
  { key: 'epochs', integer: true, min: 1 },
  { key: 'summaryEvery', integer: true, min: 1 },
  { key: 'seed', integer: true, min: 0 },
];

/** Training settings of the document, shown when nothing is selected. */
export function TrainingInspector() {
  const t = useT();
  const training = useDocument(selectTraining);
  const set = (patch: Partial<TrainingConfig>) => dispatch({ type: 'setTraining', training: patch });

  return (
    <div className="sf-inspector__body" data-testid="inspector-training">
      <h3>{t('ui.inspector.training')}</h3>
      <div className="sf-field">
        <label className="sf-field__label" htmlFor="training-optimizer">
          {t('ui.training.optimizer')}
        </label>
        <select
          id="training-optimizer"
          data-testid="training-optimizer"
          value={training.optimizer}
          onChange={(event) => set({ optimizer: event.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {NUMBER_FIELDS.map((field) => (
        <NumberField
          key={`${field.key}:${training[field.key]}`}
          label={t(`ui.training.${field.key}`)}
          testId={`training-${field.key}`}
          value={training[field.key]}
          integer={field.integer}
          min={field.min}
          onCommit={(value) => set({ [field.key]: value })}
        />
      ))}
      <label className="sf-check">
        <input
          type="checkbox"
          data-testid="training-addRegularizationLosses"
          checked={training.addRegularizationLosses}
          onChange={(event) => set({ addRegularizationLosses: event.target.checked })}
        />
        <code>add_regularization_losses</code>
      </label>
    </div>
  );
}

function NumberField(props: {
  label: string;
  testId: string;
  value: number;
  integer: boolean;
  min: number;
  onCommit(value: number): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);

  const commit = () => {
    const value = Number(draft);
    const valid = draft.trim() !== '' && Number.isFinite(value) && value >= props.min && (!props.integer || Number.isInteger(value));
    if (!valid) {
      setError(
        t(props.integer ? 'ui.training.invalidInteger' : 'ui.training.invalidNumber', { value: draft, min: props.min }),
      );
      return;
    }
    setError(null);
    if (value !== props.value) props.onCommit(value);
  };

  return (
    <div className="sf-field">
      <label className="sf-field__label" htmlFor={props.testId}>
        {props.label}
      </label>
      <input
        id={props.testId}
        data-testid={props.testId}
        type="text"
        inputMode="decimal"
        value={draft}
        aria-invalid={error !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      {error && (
        <div className="sf-field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
