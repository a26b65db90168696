/**
 * Errors of share links and document files, as translatable texts. Each error names what is wrong and
 * what to do; a validation error also carries the first problem found in the model (`detail`).
 */
import { translate, type Language } from '../i18n';
import { shareMessages } from '../i18n/messages/share';
import type { LocalizedText } from '../train/protocol';

export type ShareErrorCode =
  | 'empty'
  | 'too-long'
  | 'bad-character'
  | 'truncated'
  | 'corrupted'
  | 'too-large'
  | 'newer-version'
  | 'invalid-document'
  | 'not-json'
  | 'document-json'
  | 'json-not-a-model'
  | 'not-a-model'
  | 'unsupported-topology'
  | 'file-too-large';

export interface ShareError extends LocalizedText {
  code: ShareErrorCode;
  /** The first problem found, for `invalid-document` and `unsupported-topology`. */
  detail?: LocalizedText;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Builds a LocalizedText from a key in `src/i18n/messages/share.ts`, with its English text. */
export function shareText(messageKey: string, values: Record<string, string | number> = {}): LocalizedText {
  if (!(messageKey in shareMessages.en)) throw new Error(`unknown share message key: ${messageKey}`);
  return { messageKey, values, message: translate('en', messageKey, values) };
}

export function shareError(
  code: ShareErrorCode,
  values: Record<string, string | number> = {},
  detail?: LocalizedText,
): ShareError {
  const text = shareText(`share.error.${code}`, values);
  const message = detail ? `${text.message} ${detail.message}` : text.message;
  return { code, ...text, message, ...(detail ? { detail } : {}) };
}

/** Formats an error (and its detail) in `language`, for the UI and the CLI. */
export function formatShareError(language: Language, error: ShareError): string {
  const main = translate(language, error.messageKey, error.values);
  if (!error.detail) return main;
  return `${main} ${translate(language, error.detail.messageKey, error.detail.values)}`;
}
