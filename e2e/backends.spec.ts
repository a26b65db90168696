import { expect, test, type Page } from '@playwright/test';
import { largestDifference } from '../src/train/probe/compare';
import type { BackendChoice } from '../src/train/backend';

const PROBE = '/src/train/probe/index.html';

async function openProbe(page: Page): Promise<void> {
  await page.goto(PROBE);
  await expect(page.locator('#status')).toHaveText(/^ready/);
}

test('every palette layer trains one step on WebGPU like on CPU', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openProbe(page);
  const names = await page.evaluate(() => window.scopeflowProbe.caseNames());
  expect(names.length).toBeGreaterThan(5);

  for (const name of names) {
    const cpu = await page.evaluate((n) => window.scopeflowProbe.step(n, 'cpu'), name);
    const webgpu = await page.evaluate((n) => window.scopeflowProbe.step(n, 'webgpu'), name);
    expect(webgpu.backend, name).toBe('webgpu');
    expect(cpu.backend, name).toBe('cpu');
    const difference = largestDifference(webgpu, cpu);
    expect(difference.value, `${name}: ${difference.where}`).toBeLessThanOrEqual(1e-3);
  }
  expect(errors).toEqual([]);
});

test('fallback past WebGL picks CPU, never WASM', async ({ page }) => {
  await openProbe(page);
  const choice: BackendChoice = await page.evaluate(() => window.scopeflowProbe.chooseWithout(['webgpu', 'webgl']));
  expect(choice.name).toBe('cpu');
  expect(choice.reason.messageKey).toBe('train.backend.autoCpu');
  expect(choice.reason.message).toContain('WASM is skipped because tfjs 4.22 WASM has no Conv2DBackpropFilter kernel');

  const webgl: BackendChoice = await page.evaluate(() => window.scopeflowProbe.chooseWithout(['webgpu']));
  expect(webgl.name).toBe('webgl');
});

test('training on WebGPU reads tensors back only asynchronously', async ({ page }) => {
  await openProbe(page);
  const run = await page.evaluate(() => window.scopeflowProbe.trainCountingSyncReads('webgpu', 6));
  expect(run.error?.message).toBeUndefined();
  expect(run.messages).toContain('histograms');
  expect(run.messages).toContain('eval');
  expect(run.messages.at(-1)).toBe('done');
  expect(run.syncReads).toBe(0);
});

test('non-finite values on WebGPU stop training and name the scope', async ({ page }) => {
  await openProbe(page);
  const run = await page.evaluate(() => window.scopeflowProbe.trainExploding('webgpu', 20));
  expect(run.error?.messageKey).toBe('train.nonFinite');
  // The first non-finite value in topological order: the dense output or the squared error above it.
  expect(run.error?.message).toMatch(/at step \d+: (dense|loss) became non-finite/);
  expect(run.messages.at(-1)).toBe('error');
  expect(run.syncReads).toBe(0);
});
