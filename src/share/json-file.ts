/**
 * Document files: a saved document is its JSON, exactly as the app keeps it (ids and positions
 * included). Opening reads ScopeFlow files of every format version and Keras / TensorFlow.js
 * `model.json` topologies, and checks each like a share link.
 */
import { DOCUMENT_VERSION, type ModelDocument } from '../graph/types';
import { fail, shareError, type Result, type ShareError } from './errors';
import { findJsonSyntaxError, positionAt } from './json-syntax';
import { importKerasTopology, isKerasModelJson } from './keras-import';
import { isLegacyV0, migrateLegacyV0 } from './legacy-v0';
import { MAX_FILE_BYTES } from './limits';
import { validateDocument } from './validate';

export const DOCUMENT_FILE_TYPE = 'application/json';

/** Serializes a document for a `.json` file. */
export function serializeDocumentFile(doc: ModelDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Builds a file name from a document's title, with characters that file systems reject replaced by `_`. */
export function documentFileName(doc: ModelDocument, extension = '.scopeflow.json'): string {
  // eslint-disable-next-line no-control-regex
  const base = doc.title.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').trim().slice(0, 80) || 'model';
  return `${base}${extension}`;
}

/**
 * Parses an opened file: a ScopeFlow document of any format version, or a Keras / tfjs model.json.
 * `fileName` only names the file in error messages and gives an imported model its title.
 */
export function parseDocumentFile(text: string, fileName: string): Result<ModelDocument, ShareError> {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_FILE_BYTES) return fail(shareError('file-too-large', { file: fileName, size, max: MAX_FILE_BYTES }));

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const offset = findJsonSyntaxError(text);
    const { line, column } = positionAt(text, offset < 0 ? text.length : offset);
    return fail(shareError('not-json', { file: fileName, line, column }));
  }

  if (isKerasModelJson(json) && !isLegacyV0(json)) return importKerasTopology(json, fileName.replace(/\.json$/i, ''));
  return migrateDocumentJson(json) ?? fail(shareError('not-a-model', { file: fileName }));
}

/**
 * Opens parsed document JSON of any format version (files, stored documents): migrates older ones,
 * rejects newer ones clearly and validates the result. Returns null when it is no ScopeFlow document.
 */
export function migrateDocumentJson(json: unknown): Result<ModelDocument, ShareError> | null {
  if (isLegacyV0(json)) return migrateLegacyV0(json);
  const candidate = json as { version?: unknown; nodes?: unknown };
  if (typeof json !== 'object' || json === null || typeof candidate.version !== 'number' || !Array.isArray(candidate.nodes)) {
    return null;
  }
  if (candidate.version > DOCUMENT_VERSION) {
    return fail(shareError('newer-version', { version: candidate.version, supported: DOCUMENT_VERSION }));
  }
  return validateDocument(json);
}
