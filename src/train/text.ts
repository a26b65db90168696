import { translate, type MessageValues } from '../i18n';
import type { LocalizedText } from './protocol';

/** Builds a translatable text from a message key in src/i18n/messages/train.ts, with its English form. */
export function localized(messageKey: string, values: MessageValues = {}): LocalizedText {
  return { messageKey, values, message: translate('en', messageKey, values) };
}

/** An error the UI and the CLI can show in the user's language. */
export class TrainError extends Error {
  readonly text: LocalizedText;

  constructor(text: LocalizedText) {
    super(text.message);
    this.name = 'TrainError';
    this.text = text;
  }
}

/** Throws a `TrainError` for message `key`. */
export function fail(key: string, values: MessageValues = {}): never {
  throw new TrainError(localized(key, values));
}

/** Converts anything thrown during training into a translatable text. */
export function toLocalizedError(error: unknown): LocalizedText {
  if (error instanceof TrainError) return error.text;
  const detail = error instanceof Error ? error.message : String(error);
  return localized('train.error.unexpected', { detail });
}
