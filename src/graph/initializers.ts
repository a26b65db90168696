/**
 * Variable initializers as text parameters (`xavier_uniform`, `truncated_normal(stddev=0.01)`),
 * their parsing and a formula for the inspector. fan_in and fan_out follow TF: for a kernel of
 * shape [kh, kw, in, out], fan_in = kh * kw * in and fan_out = kh * kw * out.
 */
import { parseCall } from './call-syntax';
import { makeProblem, type Problem } from './problems';
import type { ParamContext } from './regularizers';

export type InitializerKind =
  | 'zeros'
  | 'ones'
  | 'constant'
  | 'xavier_uniform'
  | 'xavier_normal'
  | 'he_normal'
  | 'he_uniform'
  | 'truncated_normal';

export interface Initializer {
  kind: InitializerKind;
  /** Resolved arguments: `value` for constant, `mean` and `stddev` for truncated_normal. */
  args: Record<string, number>;
}

interface InitializerForm {
  arguments: string[];
  defaults: Record<string, number>;
  /** Whether a bare positional argument is accepted (only where the meaning is unambiguous). */
  positional: boolean;
  signature: string;
  formula: string;
}

const FORMS: Record<InitializerKind, InitializerForm> = {
  zeros: { arguments: [], defaults: {}, positional: false, signature: 'zeros', formula: 'w = 0' },
  ones: { arguments: [], defaults: {}, positional: false, signature: 'ones', formula: 'w = 1' },
  constant: {
    arguments: ['value'],
    defaults: { value: 0 },
    positional: true,
    signature: 'constant(value=0)',
    formula: 'w = value',
  },
  xavier_uniform: {
    arguments: [],
    defaults: {},
    positional: false,
    signature: 'xavier_uniform',
    formula: 'w ~ U(-√(6 / (fan_in + fan_out)), √(6 / (fan_in + fan_out)))',
  },
  xavier_normal: {
    arguments: [],
    defaults: {},
    positional: false,
    signature: 'xavier_normal',
    formula: 'w ~ truncated N(0, √(2 / (fan_in + fan_out)))',
  },
  he_normal: {
    arguments: [],
    defaults: {},
    positional: false,
    signature: 'he_normal',
    formula: 'w ~ truncated N(0, √(2 / fan_in))',
  },
  he_uniform: {
    arguments: [],
    defaults: {},
    positional: false,
    signature: 'he_uniform',
    formula: 'w ~ U(-√(6 / fan_in), √(6 / fan_in))',
  },
  // TF1's truncated_normal_initializer takes mean first, so a bare number would be ambiguous: keywords only.
  truncated_normal: {
    arguments: ['mean', 'stddev'],
    defaults: { mean: 0, stddev: 1 },
    positional: false,
    signature: 'truncated_normal(mean=0.0, stddev=1.0)',
    formula: 'w ~ N(mean, stddev), redrawn beyond 2 stddev',
  },
};

export const INITIALIZER_KINDS = Object.keys(FORMS) as InitializerKind[];

export function initializerFormula(kind: InitializerKind): string {
  return FORMS[kind].formula;
}

/** Parsed initializers by text. Only valid texts are cached, because a problem's message names the node. */
const parsedInitializers = new Map<string, Initializer>();
const MAX_CACHED_TEXTS = 1000;

/** Parses an initializer parameter; a malformed value is a problem, never a silent default. */
export function parseInitializer(text: string, context: ParamContext): Initializer | Problem {
  const cached = parsedInitializers.get(text);
  if (cached) return cached;
  const parsed = parseInitializerText(text, context);
  if (!('messageKey' in parsed)) {
    if (parsedInitializers.size >= MAX_CACHED_TEXTS) parsedInitializers.clear();
    parsedInitializers.set(text, parsed);
  }
  return parsed;
}

function parseInitializerText(text: string, context: ParamContext): Initializer | Problem {
  const values = { ...context, value: text };
  const call = parseCall(text);
  if ('error' in call) return makeProblem('graph.initializer.malformed', values);

  const kind = call.name as InitializerKind;
  if (!Object.hasOwn(FORMS, kind)) return makeProblem('graph.initializer.unknown', values);
  const form = FORMS[kind];

  const argumentsProblem = () => makeProblem('graph.initializer.arguments', { ...values, signature: form.signature });
  if (call.positional.length > (form.positional ? form.arguments.length : 0)) return argumentsProblem();

  const args: Record<string, number> = { ...form.defaults };
  call.positional.forEach((value, index) => (args[form.arguments[index]] = value));
  for (const [name, value] of Object.entries(call.keywords)) {
    if (!form.arguments.includes(name)) return argumentsProblem();
    args[name] = value;
  }
  if (kind === 'truncated_normal' && !(args.stddev > 0)) return argumentsProblem();
  return { kind, args };
}
