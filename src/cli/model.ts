/** Loads the `<model>` argument of a command: `template:<name>`, a bare template name, or a document file. */
import { readFile } from 'node:fs/promises';
import { getTemplate, TEMPLATE_NAMES } from '../graph/templates';
import type { ModelDocument } from '../graph/types';
import { parseDocumentFile } from '../share/json-file';
import { MAX_FILE_BYTES } from '../share/limits';
import { UsageError } from './args';

export class ModelLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export async function loadModel(argument: string | undefined): Promise<ModelDocument> {
  if (!argument) throw new UsageError(`Missing <model>: use template:<name> (${TEMPLATE_NAMES.join(', ')}) or a document file.`);

  const templateName = argument.startsWith('template:') ? argument.slice('template:'.length) : null;
  if (templateName !== null) {
    const doc = getTemplate(templateName);
    if (!doc) throw new UsageError(`Unknown template "${templateName}"; choose one of ${TEMPLATE_NAMES.join(', ')}.`);
    return doc;
  }
  const bare = getTemplate(argument);
  if (bare) return bare;

  let text: string;
  try {
    const bytes = await readFile(argument);
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ModelLoadError(`Model file ${argument} has ${bytes.length} bytes, more than the ${MAX_FILE_BYTES} allowed.`);
    }
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ModelLoadError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ModelLoadError(
      `Cannot read model file ${argument} (${reason}). Give a document file or template:<name> (${TEMPLATE_NAMES.join(', ')}).`,
    );
  }
  const parsed = parseDocumentFile(text, argument);
  if (!parsed.ok) throw new ModelLoadError(parsed.error.message);
  return parsed.value;
}
