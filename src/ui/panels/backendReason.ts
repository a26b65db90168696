/** Wording of the worker's backend choice for the training bar. */
import { hasMessage, translate, type Language } from '../../i18n';
import type { LocalizedText } from '../../train/protocol';

export interface BackendReasonText {
  /** Plain reason for the bar, such as "WebGPU is available." */
  short: string;
  /** Whole reason with the technical detail, for the tooltip. */
  full: string;
}

/**
 * Splits a backend reason into the plain line the bar shows and the full text of its tooltip. A reason
 * whose key has a `.short` variant shows that variant; any other reason shows in full in both.
 */
export function backendReasonText(language: Language, reason: LocalizedText): BackendReasonText {
  const full = translate(language, reason.messageKey, reason.values);
  const shortKey = `${reason.messageKey}.short`;
  return { short: hasMessage(shortKey) ? translate(language, shortKey, reason.values) : full, full };
}
