import { describe, expect, it } from 'vitest';
import { initializerFormula, parseInitializer } from './initializers';
import { isProblem, parseRegularizer, regularizerFormula } from './regularizers';

const context = { node: 'fc', param: 'weightsRegularizer' };

describe('parseRegularizer', () => {
  it('parses every form', () => {
    const cases: [string, { kind: string; l1: number; l2: number; active: boolean }][] = [
      ['none', { kind: 'none', l1: 0, l2: 0, active: false }],
      ['l1', { kind: 'l1', l1: 0.01, l2: 0, active: true }],
      ['l2(0.5)', { kind: 'l2', l1: 0, l2: 0.5, active: true }],
      ['l2(l2=0.5)', { kind: 'l2', l1: 0, l2: 0.5, active: true }],
      ['l1_l2(l1=0.1, l2=0.2)', { kind: 'l1_l2', l1: 0.1, l2: 0.2, active: true }],
      [' l1_l2 ', { kind: 'l1_l2', l1: 0.01, l2: 0.01, active: true }],
      ['l1_regularizer(0.3)', { kind: 'l1_regularizer', l1: 0.3, l2: 0, active: true }],
      ['l2_regularizer(scale=0.1)', { kind: 'l2_regularizer', l1: 0, l2: 0.05, active: true }],
      ['l2_regularizer(0)', { kind: 'l2_regularizer', l1: 0, l2: 0, active: false }],
      ['l2(1e-4)', { kind: 'l2', l1: 0, l2: 1e-4, active: true }],
    ];
    for (const [text, expected] of cases) expect(parseRegularizer(text, context), text).toEqual(expected);
  });

  it('rejects malformed text', () => {
    const cases: [string, string][] = [
      ['', 'graph.regularizer.malformed'],
      ['l2(', 'graph.regularizer.malformed'],
      ['l2(x)', 'graph.regularizer.malformed'],
      ['l2(1, 2)', 'graph.regularizer.arguments'],
      ['l2(scale=1)', 'graph.regularizer.arguments'],
      ['l2_regularizer', 'graph.regularizer.arguments'],
      ['l2(-0.1)', 'graph.regularizer.negative'],
      ['L2(0.1)', 'graph.regularizer.unknown'],
      ['constructor', 'graph.regularizer.unknown'],
      ['l2(0.1); alert(1)', 'graph.regularizer.malformed'],
    ];
    for (const [text, key] of cases) {
      const parsed = parseRegularizer(text, context);
      expect(isProblem(parsed) ? parsed.messageKey : parsed, text).toBe(key);
    }
  });

  it('formula text for both L2 conventions', () => {
    expect(regularizerFormula('l2')).toBe('l2 * sum(w²)');
    expect(regularizerFormula('l2_regularizer')).toBe('scale * tf.nn.l2_loss(w) = scale * sum(w²) / 2');
  });
});

describe('parseInitializer', () => {
  it('parses every form', () => {
    expect(parseInitializer('xavier_uniform', context)).toEqual({ kind: 'xavier_uniform', args: {} });
    expect(parseInitializer('constant(2)', context)).toEqual({ kind: 'constant', args: { value: 2 } });
    expect(parseInitializer('truncated_normal(stddev=0.01)', context)).toEqual({ kind: 'truncated_normal', args: { mean: 0, stddev: 0.01 } });
    expect(parseInitializer('he_uniform()', context)).toEqual({ kind: 'he_uniform', args: {} });
  });

  it('rejects malformed text', () => {
    const cases: [string, string][] = [
      ['truncated_normal(0.01)', 'graph.initializer.arguments'],
      ['truncated_normal(stddev=0)', 'graph.initializer.arguments'],
      ['zeros(1)', 'graph.initializer.arguments'],
      ['glorot_uniform', 'graph.initializer.unknown'],
      ['constant(value=)', 'graph.initializer.malformed'],
    ];
    for (const [text, key] of cases) {
      const parsed = parseInitializer(text, context);
      expect('messageKey' in parsed ? parsed.messageKey : parsed, text).toBe(key);
    }
  });

  it('formula text', () => {
    expect(initializerFormula('he_normal')).toBe('w ~ truncated N(0, √(2 / fan_in))');
  });
});
