/** `analyze <model>`: TF's `model_analyzer.analyze_vars` table for a document, from the graph analyzer. */
import { analyze } from '../graph/analyze';
import { analyzeVars, analyzeVarsJson, formatAnalyzeVars } from '../graph/analyzer';
import { validateScopePattern } from '../graph/queries';
import { parseArgs, UsageError } from './args';
import { loadModel } from './model';
import type { CommandIo } from './train';

export const ANALYZE_USAGE = `  analyze <model> [options]    Print each variable as name (dtype shape) [size, bytes], with totals.
      --scope <regex>          Keep variables whose name matches from the start, as get_collection does.
      --collection <key>       List this collection instead of GLOBAL_VARIABLES.
      --json                   Print the table as one JSON object.
`;

export async function runAnalyzeCommand(args: string[], io: CommandIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['scope', 'collection'], ['json']);
  if (positional.length > 1) throw new UsageError(`analyze takes one <model>, got ${positional.length}: ${positional.join(' ')}.`);
  const doc = await loadModel(positional[0]);
  const scope = options.get('scope');
  if (scope !== undefined) {
    const problem = validateScopePattern(scope);
    if (problem) throw new UsageError(`--scope: ${problem.message}`);
  }
  const analysis = analyze(doc);
  const collection = options.get('collection');
  if (collection !== undefined && !(collection in analysis.collections)) {
    throw new UsageError(`--collection "${collection}" is not a collection of this model; choose one of ${Object.keys(analysis.collections).join(', ')}.`);
  }
  const result = analyzeVars(analysis, { scope, collection });
  io.stdout(options.has('json') ? `${JSON.stringify(analyzeVarsJson(result))}\n` : `${formatAnalyzeVars(result, { subtotals: true })}\n`);
  return 0;
}
