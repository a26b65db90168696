/**
 * Weight regularizers as text parameters (`l2(0.01)`), their parsing, formulas and op names.
 * Two L2 conventions exist and both are offered by name:
 * Keras/tfjs `l2(scale)` adds `scale * sum(w²)`, TF1 `l2_regularizer(scale)` adds
 * `scale * tf.nn.l2_loss(w)` = `scale * sum(w²) / 2`.
 */
import { parseCall } from './call-syntax';
import { makeProblem, type Problem } from './problems';

export type RegularizerKind = 'none' | 'l1' | 'l2' | 'l1_l2' | 'l1_regularizer' | 'l2_regularizer';

export interface Regularizer {
  kind: RegularizerKind;
  /** The loss is `l1 * sum(|w|) + l2 * sum(w²)`; for `l2_regularizer(s)` the `l2` coefficient is `s / 2`. */
  l1: number;
  l2: number;
  /** False when the regularizer adds no loss: `none`, or TF1's `l1_regularizer(0)` / `l2_regularizer(0)`. */
  active: boolean;
}

interface RegularizerForm {
  /** Keyword names in positional order. */
  arguments: string[];
  /** Defaults; a missing entry makes the argument required, as in TF1's `l2_regularizer(scale)`. */
  defaults: Record<string, number>;
  /** The argument list as a user writes it, for error messages. */
  signature: string;
  formula: string;
  /** Name of the op under `<variable>/Regularizer/`, as TF1 names it. */
  opName: string;
}

const FORMS: Record<RegularizerKind, RegularizerForm> = {
  none: { arguments: [], defaults: {}, signature: 'none', formula: '0', opName: '' },
  l1: { arguments: ['l1'], defaults: { l1: 0.01 }, signature: 'l1(l1=0.01)', formula: 'l1 * sum(|w|)', opName: 'l1' },
  l2: { arguments: ['l2'], defaults: { l2: 0.01 }, signature: 'l2(l2=0.01)', formula: 'l2 * sum(w²)', opName: 'l2' },
  l1_l2: {
    arguments: ['l1', 'l2'],
    defaults: { l1: 0.01, l2: 0.01 },
    signature: 'l1_l2(l1=0.01, l2=0.01)',
    formula: 'l1 * sum(|w|) + l2 * sum(w²)',
    opName: 'l1_l2',
  },
  l1_regularizer: {
    arguments: ['scale'],
    defaults: {},
    signature: 'l1_regularizer(scale)',
    formula: 'scale * sum(|w|)',
    opName: 'l1_regularizer',
  },
  l2_regularizer: {
    arguments: ['scale'],
    defaults: {},
    signature: 'l2_regularizer(scale)',
    formula: 'scale * tf.nn.l2_loss(w) = scale * sum(w²) / 2',
    opName: 'l2_regularizer',
  },
};

export const REGULARIZER_KINDS = Object.keys(FORMS) as RegularizerKind[];

/** Formula text of each regularizer, for the inspector. */
export function regularizerFormula(kind: RegularizerKind): string {
  return FORMS[kind].formula;
}

/** Returns the TF1 op name that ends a regularization loss's name, `<variable>/Regularizer/<opName>`. */
export function regularizerOpName(kind: RegularizerKind): string {
  return FORMS[kind].opName;
}

export interface ParamContext {
  node: string;
  param: string;
}

/** Parsed regularizers by text. Only valid texts are cached, because a problem's message names the node. */
const parsedRegularizers = new Map<string, Regularizer>();
const MAX_CACHED_TEXTS = 1000;

/** Parses a regularizer parameter; a malformed value is a problem, never silently `none`. */
export function parseRegularizer(text: string, context: ParamContext): Regularizer | Problem {
  const cached = parsedRegularizers.get(text);
  if (cached) return cached;
  const parsed = parseRegularizerText(text, context);
  if (!isProblem(parsed)) {
    if (parsedRegularizers.size >= MAX_CACHED_TEXTS) parsedRegularizers.clear();
    parsedRegularizers.set(text, parsed);
  }
  return parsed;
}

function parseRegularizerText(text: string, context: ParamContext): Regularizer | Problem {
  const values = { ...context, value: text };
  const call = parseCall(text);
  if ('error' in call) return makeProblem('graph.regularizer.malformed', values);

  const kind = call.name as RegularizerKind;
  if (!Object.hasOwn(FORMS, kind)) return makeProblem('graph.regularizer.unknown', values);
  const form = FORMS[kind];

  const argumentsProblem = () => makeProblem('graph.regularizer.arguments', { ...values, signature: form.signature });
  if (call.positional.length > form.arguments.length) return argumentsProblem();

  const resolved: Record<string, number> = { ...form.defaults };
  call.positional.forEach((value, index) => (resolved[form.arguments[index]] = value));
  for (const [name, value] of Object.entries(call.keywords)) {
    if (!form.arguments.includes(name)) return argumentsProblem();
    resolved[name] = value;
  }
  if (form.arguments.some((name) => resolved[name] === undefined)) return argumentsProblem();
  if (Object.values(resolved).some((value) => value < 0)) return makeProblem('graph.regularizer.negative', values);

  switch (kind) {
    case 'none':
      return { kind, l1: 0, l2: 0, active: false };
    case 'l1':
      return { kind, l1: resolved.l1, l2: 0, active: true };
    case 'l2':
      return { kind, l1: 0, l2: resolved.l2, active: true };
    case 'l1_l2':
      return { kind, l1: resolved.l1, l2: resolved.l2, active: true };
    // TF1 returns a regularizer that adds nothing when the scale is 0 ("Scale of 0 disables regularizer.").
    case 'l1_regularizer':
      return { kind, l1: resolved.scale, l2: 0, active: resolved.scale > 0 };
    case 'l2_regularizer':
      return { kind, l1: 0, l2: resolved.scale / 2, active: resolved.scale > 0 };
  }
}

export function isProblem(value: object): value is Problem {
  return 'messageKey' in value;
}
