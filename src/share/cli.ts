/**
 * `scopeflow share encode <model>` prints a model's link fragment; `share decode <link>` prints the
 * document JSON of a link or fragment. `<model>` takes the same forms as in `train` and `analyze`
 * (`template:<name>`, a bare template name, or a document file of any ScopeFlow format version or a
 * Keras / tfjs model.json), because both go through `loadModel` of src/cli/model.ts.
 *
 * Output goes to stdout; errors go to stderr in English, with exit status 1 for bad input and 2 for
 * bad usage.
 */
import { UsageError } from '../cli/args';
import { loadModel, ModelLoadError } from '../cli/model';
import { TEMPLATE_NAMES } from '../graph/templates';
import type { ModelDocument } from '../graph/types';
import { formatShareError, type ShareError } from './errors';
import { buildShareUrl, decodeShareFragment, encodeShareFragment } from './link';
import { LONG_LINK_CHARS, MAX_FILE_BYTES } from './limits';

const USAGE = `Usage:
  share encode <model> [--base <url>]   Print the link fragment of a model (with --base, the whole link).
                                        <model> is template:<name> (${TEMPLATE_NAMES.join(', ')}) or a document file.
  share decode <link|fragment|->        Print the document JSON of a share link; "-" reads it from stdin.
`;

export interface ShareCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

const processIo: ShareCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_FILE_BYTES) throw new Error(`stdin is larger than ${MAX_FILE_BYTES} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Runs `share <subcommand> …` and returns the process exit status. */
export async function runShareCommand(args: string[], io: ShareCommandIo = processIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'encode') return encodeCommand(rest, io);
  if (subcommand === 'decode') return decodeCommand(rest, io);
  if (subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  io.stderr(`share: unknown subcommand "${subcommand ?? ''}".\n${USAGE}`);
  return 2;
}

async function encodeCommand(args: string[], io: ShareCommandIo): Promise<number> {
  const baseIndex = args.indexOf('--base');
  const base = baseIndex >= 0 ? args[baseIndex + 1] : undefined;
  const positional = args.filter((_, index) => baseIndex < 0 || (index !== baseIndex && index !== baseIndex + 1));
  if (positional.length !== 1 || (baseIndex >= 0 && !base)) {
    io.stderr(`share encode: expected one model and an optional --base <url>.\n${USAGE}`);
    return 2;
  }

  let model: ModelDocument;
  try {
    model = await loadModel(positional[0]);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`share encode: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof ModelLoadError) {
      io.stderr(`share encode: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const fragment = encodeShareFragment(model);
  if (!fragment.ok) return reportError('share encode', fragment, io);

  io.stdout(`${base ? buildShareUrl(base, fragment.value) : fragment.value}\n`);
  if (fragment.value.length > LONG_LINK_CHARS) {
    io.stderr(
      `share encode: the fragment is ${fragment.value.length} characters; chat apps and mail often cut links over ${LONG_LINK_CHARS}, so send the document file instead.\n`,
    );
  }
  return 0;
}

async function decodeCommand(args: string[], io: ShareCommandIo): Promise<number> {
  if (args.length !== 1) {
    io.stderr(`share decode: expected one link or fragment.\n${USAGE}`);
    return 2;
  }
  let input = args[0];
  if (input === '-') {
    try {
      input = await io.readStdin();
    } catch (error) {
      io.stderr(`share decode: reading stdin failed: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const decoded = decodeShareFragment(input);
  if (!decoded.ok) return reportError('share decode', decoded, io);
  io.stdout(`${JSON.stringify(decoded.value, null, 2)}\n`);
  return 0;
}

function reportError(command: string, result: { ok: false; error: ShareError }, io: ShareCommandIo): number {
  io.stderr(`${command}: ${formatShareError('en', result.error)}\n`);
  return 1;
}
