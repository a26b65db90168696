/**
 * Formulas of initializer and regularizer parameters, shown in the inspector. They tell apart Keras
 * `l2(0.01)`, which adds `l2 * sum(w²)`, and TF1 `l2_regularizer(0.01)`, which adds half of that.
 */
import type { ParamSpec } from './catalogue';
import { initializerFormula, parseInitializer } from './initializers';
import { isProblem, parseRegularizer, regularizerFormula } from './regularizers';
import type { ParamValue } from './types';

/** Returns the formula of a valid initializer or regularizer value, or null for other parameters and invalid text. */
export function paramFormula(spec: ParamSpec, value: ParamValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const context = { node: '', param: spec.name };
  if (spec.format === 'regularizer') {
    const parsed = parseRegularizer(value, context);
    return isProblem(parsed) || !parsed.active ? null : regularizerFormula(parsed.kind);
  }
  if (spec.format === 'initializer') {
    const parsed = parseInitializer(value, context);
    return 'messageKey' in parsed ? null : initializerFormula(parsed.kind);
  }
  return null;
}
