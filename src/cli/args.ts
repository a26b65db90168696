/** A small parser for `command <positional…> --flag value --switch` command lines. */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positional: string[];
  /** `--name value` pairs; a switch listed in `switches` maps to `'true'`. */
  options: Map<string, string>;
}

/**
 * Splits `args` into positional arguments and options. `valueOptions` take the next argument (or
 * `--name=value`); `switches` take none. Any other `--name` is a usage error naming it.
 */
export function parseArgs(args: string[], valueOptions: readonly string[], switches: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) {
      options.set(name, 'true');
    } else if (valueOptions.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      options.set(name, value);
    } else {
      const known = [...valueOptions, ...switches].map((option) => `--${option}`).join(', ');
      throw new UsageError(`Unknown option --${name}. Known options: ${known || 'none'}.`);
    }
  }
  return { positional, options };
}

/** Reads a whole-number option of at least `min`, or undefined when it is absent. */
export function integerOption(options: Map<string, string>, name: string, min: number): number | undefined {
  const text = options.get(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${name} "${text}" is not a whole number of at least ${min}; for example --${name} ${Math.max(min, 200)}.`);
  }
  return value;
}
