import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n';
import { getTemplate } from '../graph/templates';
import { documentArb } from './arbitraries';
import { formatShareError } from './errors';
import { documentFileName, parseDocumentFile, serializeDocumentFile } from './json-file';
import { MAX_FILE_BYTES } from './limits';

describe('document files', () => {
  it('property: saved documents open exactly', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        // JSON has no -0, so the file keeps 0 where the document had -0.
        const expected = JSON.parse(JSON.stringify(doc));
        expect(parseDocumentFile(serializeDocumentFile(doc), 'model.json')).toStrictEqual({ ok: true, value: expected });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps template ids and positions', () => {
    const doc = getTemplate('vgg19');
    expect(parseDocumentFile(serializeDocumentFile(doc), 'vgg.json')).toStrictEqual({ ok: true, value: doc });
  });

  it('property: any JSON gives a document or a clear error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseDocumentFile(JSON.stringify(value), 'random.json');
        if (!result.ok) expect(hasMessage(result.error.messageKey)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('names text that is not JSON', () => {
    const result = parseDocumentFile('{"nodes": [', 'notes.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-json');
    expect(result.error.values.file).toBe('notes.json');
  });

  it('gives the line and column of bad JSON, not engine text', () => {
    const result = parseDocumentFile('{\n  "version": 1,\n  hello world', 'notjson.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.values).toEqual({ file: 'notjson.json', line: 3, column: 3 });
    expect(formatShareError('en', result.error)).toBe(
      'The file "notjson.json" is not valid JSON: the first syntax error is at line 3, column 3. Choose a file saved by ScopeFlow.',
    );
    const korean = formatShareError('ko', result.error);
    expect(korean).toContain('3번째 줄 3번째 칸');
    expect(korean).not.toMatch(/Unexpected|token/);
  });

  it('states the naming rule for a bad node name', () => {
    const doc = getTemplate('default');
    const layerIndex = doc.nodes.findIndex((node) => node.kind === 'layer');
    doc.nodes[layerIndex] = { ...doc.nodes[layerIndex], name: '<b>x</b>' };
    const result = parseDocumentFile(JSON.stringify(doc), 'xss-name.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.detail?.messageKey).toBe('graph.name.invalid');
    expect(result.error.detail?.values).toEqual({ name: '<b>x</b>', suggestion: 'n_b_x__b_' });
    expect(formatShareError('en', result.error)).toContain('TF names start with a letter, digit or "."');
  });

  it('names JSON that is not a model', () => {
    const result = parseDocumentFile('{"hello": 1}', 'hello.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not-a-model');
  });

  it('rejects a file over the size limit before parsing', () => {
    const result = parseDocumentFile(' '.repeat(MAX_FILE_BYTES + 1), 'huge.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('file-too-large');
  });

  it('makes file names from titles', () => {
    expect(documentFileName({ ...getTemplate('default'), title: 'a/b: c?' })).toBe('a_b_ c_.scopeflow.json');
    expect(documentFileName({ ...getTemplate('default'), title: '   ' })).toBe('model.scopeflow.json');
  });
});
