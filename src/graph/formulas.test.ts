import { describe, expect, it } from 'vitest';
import { getParamSpec } from './catalogue';
import { paramFormula } from './formulas';

describe('paramFormula', () => {
  const regularizer = getParamSpec('Dense', 'weightsRegularizer')!;
  const initializer = getParamSpec('Dense', 'weightsInitializer')!;

  it('gives the Keras l2 formula', () => {
    expect(paramFormula(regularizer, 'l2(0.01)')).toBe('l2 * sum(w²)');
  });

  it('gives the TF1 l2_regularizer formula with the halving', () => {
    expect(paramFormula(regularizer, 'l2_regularizer(0.0005)')).toBe('scale * tf.nn.l2_loss(w) = scale * sum(w²) / 2');
  });

  it('has no formula for none or malformed text', () => {
    expect(paramFormula(regularizer, 'none')).toBeNull();
    expect(paramFormula(regularizer, 'l2(')).toBeNull();
  });

  it('gives an initializer formula', () => {
    expect(paramFormula(initializer, 'xavier_uniform')).not.toBeNull();
  });

  it('ignores other parameters', () => {
    expect(paramFormula(getParamSpec('Dense', 'units')!, 10)).toBeNull();
  });
});
