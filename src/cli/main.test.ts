import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

describe('cli usage', () => {
  it('prints help', async () => {
    const result = await run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('train <model>');
    expect(result.stdout).toContain('analyze <model>');
  });

  it('rejects an unknown template by name', async () => {
    const result = await run(['train', 'template:resnet']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown template "resnet"; choose one of default, vgg16, vgg19');
  });

  it('rejects a bad step count', async () => {
    const result = await run(['train', 'template:default', '--steps', '-3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--steps "-3" is not a whole number of at least 1');
  });

  it('rejects an unknown option', async () => {
    const result = await run(['train', 'template:default', '--stepz', '3']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown option --stepz');
  });

  it('rejects a wasm backend', async () => {
    const result = await run(['train', 'template:default', '--backend', 'wasm']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--backend "wasm" is unknown');
  });

  it('names a missing model file', async () => {
    const result = await run(['analyze', '/nonexistent/model.json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot read model file /nonexistent/model.json (no such file)');
  });

  it('names a file that is not JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scopeflow-cli-'));
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"version": 1,');
    const result = await run(['analyze', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('broken.json');
  });
});

describe('cli analyze', () => {
  it('prints the analyze_vars table of a template', async () => {
    const result = await run(['analyze', 'template:default', '--scope', 'Classifier/Head']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Classifier/Head/fc1/weights:0 (float32_ref 1568x128) [200704, bytes: 802816]');
    expect(result.stdout).not.toContain('Encoder');
  });

  it('prints JSON', async () => {
    const result = await run(['analyze', 'template:default', '--json']);
    const table = JSON.parse(result.stdout) as { totalSize: number; variables: unknown[] };
    expect(table.variables).toHaveLength(8);
    expect(table.totalSize).toBe(206922);
  });
});

/** Runs the CLI in a child process, as `npm run cli` does, and returns its JSON lines. */
function runCliProcess(args: string[]): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ code, lines, stderr });
    });
  });
}

describe('cli train on the full MNIST set', () => {
  // The one slow test: 200 steps of the default model on the CPU backend, 4–6 minutes measured on a
  // shared 2-core machine.
  it('trains 200 steps to at least 90% test accuracy', { timeout: 900_000 }, async () => {
    const { code, lines, stderr } = await runCliProcess(['train', 'template:default', '--backend', 'cpu', '--steps', '200', '--json']);
    expect(code, stderr).toBe(0);
    const done = lines.at(-1)!;
    expect(Object.keys(done)).toEqual(['event', 'dataset', 'trainExamples', 'testExamples', 'steps', 'firstLoss', 'lastLoss', 'testAccuracy', 'backend']);
    expect(done.event).toBe('done');
    expect(done.dataset).toBe('mnist');
    expect(done.trainExamples).toBe(60000);
    expect(done.testExamples).toBe(10000);
    expect(done.steps).toBe(200);
    expect(done.backend).toBe('cpu');
    expect(done.lastLoss as number).toBeLessThan(done.firstLoss as number);
    expect(done.testAccuracy as number).toBeGreaterThanOrEqual(0.9);
    expect(lines.some((line) => line.event === 'progress')).toBe(true);
    expect(lines.filter((line) => line.event === 'eval')).toHaveLength(1);
  });
});
