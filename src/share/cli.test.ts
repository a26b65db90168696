import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '../graph/templates';
import { canonicalizeDocument } from './canonical';
import { runShareCommand } from './cli';
import { serializeDocumentFile } from './json-file';

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const status = await runShareCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => stdin,
  });
  return { status, stdout, stderr };
}

describe('share CLI', () => {
  it('encodes a template and decodes it back', async () => {
    const encoded = await run(['encode', 'vgg19']);
    expect(encoded.status).toBe(0);
    expect(encoded.stderr).toBe('');
    const fragment = encoded.stdout.trim();
    expect(fragment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThanOrEqual(600);

    const decoded = await run(['decode', fragment]);
    expect(decoded.status).toBe(0);
    expect(JSON.parse(decoded.stdout)).toEqual(canonicalizeDocument(getTemplate('vgg19')));
  });

  it('prints a whole link with --base', async () => {
    const encoded = await run(['encode', 'default', '--base', 'http://127.0.0.1:5173/']);
    expect(encoded.stdout).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#[A-Za-z0-9_-]+\n$/);
    const decoded = await run(['decode', encoded.stdout.trim()]);
    expect(decoded.status).toBe(0);
  });

  it('encodes a document file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scopeflow-share-'));
    const file = path.join(dir, 'model.json');
    writeFileSync(file, serializeDocumentFile(getTemplate('default')));
    const encoded = await run(['encode', file]);
    expect(encoded.status).toBe(0);
    const decoded = await run(['decode', '-'], encoded.stdout);
    expect(JSON.parse(decoded.stdout)).toEqual(canonicalizeDocument(getTemplate('default')));
  });

  it('accepts every <model> form of train and analyze', async () => {
    const prefixed = await run(['encode', 'template:default']);
    expect(prefixed.stderr).toBe('');
    expect(prefixed.status).toBe(0);
    const bare = await run(['encode', 'default']);
    expect(bare.stdout).toBe(prefixed.stdout);
  });

  it('rejects an unknown template as usage', async () => {
    const result = await run(['encode', 'template:nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown template "nope"');
  });

  it('fails on a missing model file', async () => {
    const result = await run(['encode', 'no-such-model.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot read model file no-such-model.json (no such file)');
  });

  it('fails on a corrupted fragment', async () => {
    const encoded = await run(['encode', 'default']);
    const fragment = encoded.stdout.trim();
    const result = await run(['decode', fragment.slice(0, -6)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('The link is incomplete');
  });

  it('names the bad character like the browser', async () => {
    const result = await run(['decode', 'garbage!!']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('character 8 ("!") cannot appear in a ScopeFlow link');
  });

  it('rejects bad usage', async () => {
    expect((await run([])).status).toBe(2);
    expect((await run(['decode'])).status).toBe(2);
    expect((await run(['encode', 'a', 'b'])).status).toBe(2);
  });
});

const cliMain = path.resolve('src/cli/main.ts');

describe.runIf(existsSync(cliMain))('share CLI process', () => {
  const cli = (...args: string[]) => spawnSync('npx', ['tsx', cliMain, 'share', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('exits 0 with the fragment and decodes it', () => {
    const encoded = cli('encode', 'default');
    expect(encoded.status).toBe(0);
    const decoded = cli('decode', encoded.stdout.trim());
    expect(decoded.status).toBe(0);
    expect(JSON.parse(decoded.stdout).title).toBe(getTemplate('default').title);
  });

  it('exits non-zero with the error on stderr', () => {
    const result = cli('decode', 'AAAA*');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('character 5 ("*")');
  });
});
