/**
 * The training bar: start and stop, backend and step-limit options, and the live numbers of the run
 * (backend, phase, step, epoch, examples per second, progress, test accuracy per epoch).
 */
import { useState } from 'react';
import type { Analysis, TrainingConfig } from '../../graph/types';
import { documentStore, selectAnalysis, selectTraining, useDocument } from '../../store/document';
import { runStore, useRun } from '../../store/run';
import { isRunActive, parseMaxSteps, parseTestExamples, progressFraction } from '../../store/runState';
import type { BackendRequest } from '../../train/protocol';
import { useLanguage, useT, type Translate } from '../i18n';
import { backendReasonText } from './backendReason';
import { formatBytes, trainingBlocker } from './memory';

const BACKENDS: readonly BackendRequest[] = ['auto', 'webgpu', 'webgl', 'cpu'];

/** Explains why training cannot start, or returns undefined when it can. */
function blockingReason(analysis: Analysis, training: TrainingConfig, t: Translate): string | undefined {
  const blocker = trainingBlocker(analysis, training);
  if (!blocker) return undefined;
  if (blocker.kind === 'memory') {
    const { neededBytes, limitBytes } = blocker.check;
    return t('panels.train.tooLarge', { needed: formatBytes(neededBytes), limit: formatBytes(limitBytes) });
  }
  const reason =
    blocker.kind === 'diagnostic' ? t(blocker.diagnostic.messageKey, blocker.diagnostic.values) : t('panels.train.notTrainable');
  return t('panels.train.cannotTrain', { reason });
}

export function TrainingBar() {
  const t = useT();
  const analysis = useDocument(selectAnalysis);
  const training = useDocument(selectTraining);
  const phase = useRun((s) => s.phase);
  const active = isRunActive(phase);
  const [maxStepsText, setMaxStepsText] = useState(() => String(runStore.getState().options.maxSteps ?? ''));
  const [testExamplesText, setTestExamplesText] = useState(() => String(runStore.getState().options.testExamples ?? ''));
  const optionsValid = 'value' in parseMaxSteps(maxStepsText) && 'value' in parseTestExamples(testExamplesText);
  const blocked = blockingReason(analysis, training, t);

  const start = () => runStore.getState().start(documentStore.getState().doc);
  const stop = () => runStore.getState().stop();

  return (
    <div className="sf-training-bar" data-testid="training-bar" data-phase={phase}>
      <button
        type="button"
        data-testid="train-button"
        onClick={start}
        disabled={active || blocked !== undefined || !optionsValid}
        title={blocked ?? (active ? t('panels.train.busy') : undefined)}
      >
        {t('panels.train.start')}
      </button>
      <button type="button" data-testid="stop-button" onClick={stop} disabled={!active}>
        {t('panels.train.stop')}
      </button>
      <BackendSelect disabled={active} />
      <CountField
        testId="max-steps-input"
        label={t('panels.train.maxSteps')}
        help={t('panels.train.maxStepsHelp')}
        placeholder={t('panels.train.maxStepsPlaceholder')}
        text={maxStepsText}
        disabled={active}
        parse={parseMaxSteps}
        onText={setMaxStepsText}
        onValue={(value) => runStore.getState().setMaxSteps(value)}
      />
      <CountField
        testId="test-examples-input"
        label={t('panels.train.testExamples')}
        help={t('panels.train.testExamplesHelp')}
        placeholder={t('panels.train.testExamplesPlaceholder')}
        text={testExamplesText}
        disabled={active}
        parse={parseTestExamples}
        onText={setTestExamplesText}
        onValue={(value) => runStore.getState().setTestExamples(value)}
      />
      <RunReadout />
      {blocked !== undefined ? (
        <p className="sf-error" data-testid="train-disabled-reason" role="status">
          {blocked}
        </p>
      ) : null}
    </div>
  );
}

function BackendSelect({ disabled }: { disabled: boolean }) {
  const t = useT();
  const backend = useRun((s) => s.options.backend);
  return (
    <label title={t('panels.train.backendHelp')}>
      {t('panels.train.backend')}{' '}
      <select
        data-testid="backend-select"
        value={backend}
        disabled={disabled}
        onChange={(event) => runStore.getState().setBackend(event.target.value as BackendRequest)}
      >
        {BACKENDS.map((name) => (
          <option key={name} value={name}>
            {name === 'auto' ? t('panels.train.backendAuto') : name}
          </option>
        ))}
      </select>
    </label>
  );
}

interface CountFieldProps {
  testId: string;
  label: string;
  help: string;
  placeholder: string;
  text: string;
  disabled: boolean;
  parse(text: string): { value: number | undefined } | { error: string };
  onText(text: string): void;
  onValue(value: number | undefined): void;
}

/** Renders an optional whole-number option. An invalid entry shows its error, and the bar disables training. */
function CountField({ testId, label, help, placeholder, text, disabled, parse, onText, onValue }: CountFieldProps) {
  const t = useT();
  const parsed = parse(text);
  const error = 'error' in parsed ? t(parsed.error, { value: text }) : undefined;

  const onChange = (next: string) => {
    onText(next);
    const result = parse(next);
    if ('value' in result) onValue(result.value);
  };

  return (
    <>
      <label title={help}>
        {label}{' '}
        <input
          data-testid={testId}
          type="text"
          inputMode="numeric"
          size={inputSize(placeholder)}
          value={text}
          placeholder={placeholder}
          disabled={disabled}
          aria-invalid={error !== undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </label>
      {error !== undefined ? (
        <span className="sf-error" data-testid={`${testId}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

function RunReadout() {
  const t = useT();
  const language = useLanguage();
  const phase = useRun((s) => s.phase);
  const backend = useRun((s) => s.backend);
  const backendReason = useRun((s) => s.backendReason);
  const step = useRun((s) => s.step);
  const totalSteps = useRun((s) => s.totalSteps);
  const epoch = useRun((s) => s.epoch);
  const examplesPerSecond = useRun((s) => s.examplesPerSecond);
  const evals = useRun((s) => s.evals);
  const error = useRun((s) => s.error);
  const memory = useRun((s) => s.memory);
  const fraction = progressFraction({ step, totalSteps });
  const reason = backendReason ? backendReasonText(language, backendReason) : undefined;
  const lastEval = evals.at(-1);

  return (
    <span className="sf-run-readout">
      <span data-testid="train-phase" data-phase={phase}>
        {t(`panels.phase.${phase}`)}
      </span>
      <span title={reason?.full}>
        {t('panels.train.backend')}: <strong data-testid="backend-name">{backend ?? t('panels.train.backendNone')}</strong>
        {reason ? (
          <small className="sf-muted" data-testid="backend-reason" title={reason.full}>
            {' '}
            ({reason.short})
          </small>
        ) : null}
      </span>
      <span>
        {t('panels.train.step')} <strong data-testid="step-count">{step}</strong>
        {totalSteps > 0 ? <span className="sf-muted"> / {totalSteps}</span> : null}
      </span>
      <span>
        {t('panels.train.epoch')} <strong data-testid="epoch-count">{epoch > 0 ? epoch : '–'}</strong>
      </span>
      <span>
        <strong data-testid="examples-per-second">{Math.round(examplesPerSecond)}</strong> {t('panels.train.examplesPerSecond')}
      </span>
      <progress data-testid="train-progress" aria-label={t('panels.train.progress')} max={1} value={fraction ?? 0} />
      <span
        title={evals
          .map((e) =>
            t('panels.train.testAccuracyEpoch', {
              epoch: e.epoch,
              accuracy: formatPercent(e.testAccuracy),
              examples: e.testExamples,
              loss: e.testLoss.toFixed(4),
            }),
          )
          .join('\n')}
      >
        {t('panels.train.testAccuracy')}{' '}
        <strong data-testid="test-accuracy" data-epochs={evals.length}>
          {lastEval ? formatPercent(lastEval.testAccuracy) : '–'}
        </strong>
      </span>
      {memory ? (
        <small className="sf-muted" data-testid="worker-memory" data-tensors={memory.numTensors}>
          {t(isRunActive(phase) ? 'panels.train.memory' : 'panels.train.memoryAfterRun', {
            tensors: memory.numTensors,
            bytes: formatBytes(memory.numBytes),
          })}
        </small>
      ) : null}
      {error ? (
        <span className="sf-error" data-testid="train-error" role="alert">
          {t(error.messageKey, error.values)}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Returns an input `size` that shows the whole placeholder, at least 6. `size` counts average
 * character widths, so a Hangul or other wide character counts 1.8 and any other character 0.6.
 * NOTE: the weights were fitted to Chromium's default sans-serif font, not to every font.
 */
function inputSize(placeholder: string): number {
  let units = 0;
  for (const character of placeholder) units += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(character) ? 1.8 : 0.6;
  return Math.max(6, Math.ceil(units));
}

function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}
