/**
 * `scopeflow share encode <model>` and `share decode <fragment>`.
 * Returns the process exit code.
 */
export async function runShareCommand(args: string[]): Promise<number> {
  // NOTE: placeholder until the URL codec lands; it fails loudly instead of pretending to work.
  process.stderr.write(`share: not available yet (${args.join(' ')})\n`);
  return 2;
}
