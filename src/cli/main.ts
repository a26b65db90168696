/**
 * The ScopeFlow command line: `npm run cli -- <command> …` (run with tsx). Commands share the graph,
 * compiler and training code with the app.
 *
 * Exit status: 0 on success, 1 when the model or training fails, 2 on bad usage.
 */
import { runShareCommand } from '../share/cli';
import { ModelLoadError } from './model';
import { UsageError } from './args';
import { ANALYZE_USAGE, runAnalyzeCommand } from './analyze';
import { runTrainCommand, TRAIN_USAGE, type CommandIo } from './train';

export const USAGE = `Usage: npm run cli -- <command> [arguments]

<model> is template:<name> (default, vgg16, vgg19) or a path to a saved document JSON file.

Commands:
${TRAIN_USAGE}${ANALYZE_USAGE}  share encode|decode …        Print a model's share-link fragment, or decode one (share --help).
  --help                       Print this help.
`;

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export async function main(args: string[], io: CommandIo = processIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'train':
        return await runTrainCommand(rest, io);
      case 'analyze':
        return await runAnalyzeCommand(rest, io);
      case 'share':
        return await runShareCommand(rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"; use train, analyze or share.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\nRun npm run cli -- --help for usage.\n`);
      return 2;
    }
    if (error instanceof ModelLoadError) {
      io.stderr(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (isEntryPoint) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
