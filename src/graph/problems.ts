import { translate } from '../i18n';
import type { Diagnostic, DiagnosticCode } from './types';

/** A translatable description of what is wrong, before it is attached to a node as a diagnostic. */
export interface Problem {
  messageKey: string;
  values: Record<string, string | number>;
  /** English text, for logs, the CLI and tests. */
  message: string;
}

export function makeProblem(messageKey: string, values: Record<string, string | number>): Problem {
  return { messageKey, values, message: translate('en', messageKey, values) };
}

export function makeDiagnostic(
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  target: { nodeId?: string; edgeId?: string },
  messageKey: string,
  values: Record<string, string | number>,
): Diagnostic {
  return { code, severity, ...target, messageKey, values, message: translate('en', messageKey, values) };
}

export function problemToDiagnostic(
  code: DiagnosticCode,
  severity: Diagnostic['severity'],
  target: { nodeId?: string; edgeId?: string },
  problem: Problem,
): Diagnostic {
  return { code, severity, ...target, messageKey: problem.messageKey, values: problem.values, message: problem.message };
}

/** Formats a shape without the batch dimension as `[28, 28, 1]`; an unknown shape as `?`. */
export function formatShape(shape: readonly number[] | null | undefined): string {
  if (!shape) return '?';
  return `[${shape.join(', ')}]`;
}
