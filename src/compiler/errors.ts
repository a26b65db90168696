import type { Problem } from '../graph/problems';
import { localized, TrainError } from '../train/text';
import type { MessageValues } from '../i18n';

/** A document the compiler cannot turn into a tfjs model; the text names the node and the fix. */
export class CompileError extends TrainError {
  constructor(messageKey: string, values: MessageValues = {}) {
    super(localized(messageKey, values));
    this.name = 'CompileError';
  }

  static fromProblem(problem: Problem): CompileError {
    return new CompileError(problem.messageKey, problem.values);
  }
}
