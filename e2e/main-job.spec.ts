import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

// The main job end to end: build a small model by drag and drop, train it on WebGPU (SwiftShader in
// headless Chromium, so the first step compiles shaders for a while) and watch a scope's panel.
const FIRST_STEP_TIMEOUT = 150_000;

test('builds a scoped model by drag and drop and trains it on WebGPU', async ({ editor, page }) => {
  test.setTimeout(360_000);
  await editor.open();
  const { canvas, palette } = editor;

  // Start from an empty canvas: select everything, delete it, and drop the scopes' contents too.
  await canvas.clickEmpty();
  await editor.shortcut('Control+a');
  await editor.shortcut('Delete');
  await page.getByTestId('delete-scope-all').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  const area = (await canvas.root.boundingBox())!;
  const at = (x: number, y: number) => ({ x: area.x + x, y: area.y + y });

  // Palette to canvas.
  await palette.dragTo('MnistInput', at(160, 60));
  const mnist = await canvas.idOfPath('mnist');
  await palette.dragTo('Flatten', at(160, 220));
  const flatten = await canvas.idOfPath('flatten');

  // A new scope around flatten, then a Dense layer dropped into that scope.
  await canvas.select(flatten);
  await editor.shortcut('Control+g');
  await expect(canvas.path(flatten)).toHaveText('scope/flatten');
  const scope = await canvas.idOfPath('scope');
  const scopeBox = await canvas.box(scope);
  await palette.dragTo('Dense', { x: scopeBox.x + scopeBox.width / 2, y: scopeBox.y + scopeBox.height - 12 });
  const dense = await idOfPathStartingWith(canvas.root, 'scope/fc');
  await expect(canvas.path(dense)).toHaveText(/^scope\/fc\d*$/);

  await canvas.select(dense);
  await page.locator('#param-units-input').fill('10');
  await page.locator('#param-units-input').press('Enter');

  const scopeAfter = await canvas.box(scope);
  await palette.dragTo('SoftmaxCrossEntropy', { x: scopeAfter.x + scopeAfter.width / 2, y: scopeAfter.y + scopeAfter.height + 90 });
  const loss = await canvas.idOfPath('loss');

  // Connect the layers: images → flatten → dense → loss, and labels → loss.
  await canvas.connect(canvas.handle(mnist, 'images'), canvas.handle(flatten, 'input'));
  await canvas.fitAll();
  await canvas.connect(canvas.handle(flatten, 'output'), canvas.handle(dense, 'input'));
  await canvas.fitAll();
  await canvas.connect(canvas.handle(dense, 'output'), canvas.handle(loss, 'logits'));
  await canvas.fitAll();
  await canvas.connect(canvas.handle(mnist, 'labels'), canvas.handle(loss, 'labels'));

  await expect(canvas.shape(flatten)).toHaveText('784');
  await expect(canvas.shape(dense)).toHaveText('10');
  await expect(page.getByTestId('side-tab-problems')).toHaveText(/\(0\)/);

  // Train a few steps on WebGPU with a summary at every step.
  await canvas.clickEmpty();
  await page.getByTestId('training-batchSize').fill('8');
  await page.getByTestId('training-batchSize').press('Enter');
  await page.getByTestId('training-summaryEvery').fill('1');
  await page.getByTestId('training-summaryEvery').press('Enter');
  await page.getByTestId('backend-select').selectOption('webgpu');
  await page.getByTestId('max-steps-input').fill('1000');
  await expect(page.getByTestId('train-button')).toBeEnabled();

  const panel = page.getByTestId('summary-panel-scope');
  const denseName = (await canvas.path(dense).textContent())!.split('/')[1];
  const histogram = panel.getByTestId(`histogram-scope/${denseName}/weights`);
  await expect(histogram).toHaveAttribute('data-snapshots', '0');

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('backend-name')).toHaveText('webgpu', { timeout: 60_000 });

  const lastStep = async () => Number((await histogram.getAttribute('data-last-step')) || 0);
  await expect.poll(lastStep, { timeout: FIRST_STEP_TIMEOUT }).toBeGreaterThanOrEqual(1);
  const first = await lastStep();
  await expect.poll(lastStep, { timeout: 60_000 }).toBeGreaterThan(first);
  await expect.poll(async () => Number(await page.getByTestId('step-count').textContent())).toBeGreaterThanOrEqual(2);

  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
});

/** Finds the id of the one node whose op path starts with `prefix`. */
async function idOfPathStartingWith(root: Locator, prefix: string): Promise<string> {
  const element = root.locator('[data-testid^="node-path-"]', { hasText: new RegExp(`^${prefix}`) });
  await expect(element).toHaveCount(1);
  return (await element.getAttribute('data-testid'))!.replace('node-path-', '');
}
