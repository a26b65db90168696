import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../train/protocol';
import {
  applyWorkerMessage,
  beginRun,
  INITIAL_RUN_DATA,
  parseMaxSteps,
  parseTestExamples,
  progressFraction,
  toTrainOptions,
  type RunData,
} from './runState';

function fold(messages: FromWorker[], start: RunData = beginRun(INITIAL_RUN_DATA)): RunData {
  return messages.reduce((data, message) => applyWorkerMessage(data, message), start);
}

const histogram = (tag: string) => ({ tag, min: -1, max: 1, counts: new Float32Array([1, 2, 3]) });

describe('applyWorkerMessage', () => {
  it('tracks backend, phase and progress', () => {
    const data = fold([
      { type: 'backend', name: 'webgpu', reason: { messageKey: 'k', values: {}, message: 'requested' } },
      { type: 'phase', phase: 'training' },
      { type: 'progress', step: 4, epoch: 0, totalSteps: 10, stepsPerEpoch: 10, examplesPerSecond: 250 },
    ]);
    expect(data.backend).toBe('webgpu');
    expect(data.backendReason?.message).toBe('requested');
    expect(data.phase).toBe('training');
    expect(data.step).toBe(4);
    expect(data.examplesPerSecond).toBe(250);
    expect(progressFraction(data)).toBeCloseTo(0.4);
  });

  it('keeps buffers of tags a message does not name', () => {
    const before = fold([
      { type: 'histograms', step: 1, items: [histogram('a/weights'), histogram('b/weights')] },
      { type: 'scalars', step: 1, values: { total_loss: 2, regularization_loss: 0.1 } },
    ]);
    const after = fold(
      [
        { type: 'histograms', step: 2, items: [histogram('a/weights')] },
        { type: 'scalars', step: 2, values: { total_loss: 1.5 } },
      ],
      before,
    );
    expect(after.histograms['b/weights']).toBe(before.histograms['b/weights']);
    expect(after.histograms['a/weights']).not.toBe(before.histograms['a/weights']);
    expect(after.histograms['a/weights'].snapshots).toHaveLength(2);
    expect(after.scalars.regularization_loss).toBe(before.scalars.regularization_loss);
    expect(after.scalars.total_loss.values).toEqual([2, 1.5]);
  });

  it('records one result per epoch', () => {
    const data = fold([
      { type: 'eval', epoch: 0, step: 10, testAccuracy: 0.8, testLoss: 0.5, testExamples: 100 },
      { type: 'eval', epoch: 1, step: 20, testAccuracy: 0.9, testLoss: 0.3, testExamples: 100 },
    ]);
    expect(data.evals.map((e) => e.testAccuracy)).toEqual([0.8, 0.9]);
  });

  it('ends as stopped, done or failed', () => {
    expect(fold([{ type: 'done', step: 3, stopped: true }]).phase).toBe('stopped');
    expect(fold([{ type: 'done', step: 3, stopped: false }]).phase).toBe('done');
    const failed = fold([
      { type: 'error', error: { messageKey: 'k', values: {}, message: 'NaN in Encoder' } },
      { type: 'done', step: 3, stopped: false },
    ]);
    expect(failed.phase).toBe('failed');
    expect(failed.error?.message).toBe('NaN in Encoder');
  });

  it('does not mutate its input', () => {
    const start = beginRun(INITIAL_RUN_DATA);
    const frozen = JSON.stringify(start);
    fold([{ type: 'scalars', step: 1, values: { total_loss: 1 } }], start);
    expect(JSON.stringify(start)).toBe(frozen);
  });
});

describe('beginRun', () => {
  it('clears buffers and increments the run id', () => {
    const previous = fold([{ type: 'scalars', step: 1, values: { total_loss: 1 } }]);
    const next = beginRun(previous);
    expect(next.runId).toBe(previous.runId + 1);
    expect(next.scalars).toEqual({});
    expect(next.phase).toBe('starting');
  });
});

describe('parseMaxSteps', () => {
  it('accepts empty as no limit', () => expect(parseMaxSteps(' ')).toEqual({ value: undefined }));
  it('accepts a positive whole number', () => expect(parseMaxSteps('8')).toEqual({ value: 8 }));
  it('rejects zero', () => expect(parseMaxSteps('0')).toHaveProperty('error'));
  it('rejects a fraction', () => expect(parseMaxSteps('2.5')).toHaveProperty('error'));
  it('rejects text', () => expect(parseMaxSteps('ten')).toHaveProperty('error'));
});

describe('progressFraction', () => {
  it('is undefined before the total is known', () => expect(progressFraction({ step: 0, totalSteps: 0 })).toBeUndefined());
});

describe('parseTestExamples', () => {
  it('names its own message', () => expect(parseTestExamples('-3')).toEqual({ error: 'panels.train.testExamplesInvalid' }));
  it('accepts a count', () => expect(parseTestExamples('500')).toEqual({ value: 500 }));
});

describe('toTrainOptions', () => {
  it('leaves unset limits out', () => expect(toTrainOptions({ backend: 'cpu' })).toEqual({ backend: 'cpu' }));

  it('passes both limits', () => {
    expect(toTrainOptions({ backend: 'webgpu', maxSteps: 8, testExamples: 100 })).toEqual({
      backend: 'webgpu',
      maxSteps: 8,
      testExamples: 100,
    });
  });
});
