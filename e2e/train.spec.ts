import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The default model: `Classifier/Encoder` contains conv1, whose weights get a built-in histogram.
const ENCODER_PANEL = 'summary-panel-Classifier/Encoder';
const CONV1_HISTOGRAM = 'histogram-Classifier/Encoder/conv1/weights';

// WebGPU in headless Chromium runs on SwiftShader: compiling the shaders of the first step takes
// about 30 s on a 2-core machine, and each later step a few seconds.
const FIRST_STEP_TIMEOUT = 150_000;

/** Sets the document's batch size and summary interval in the training inspector. */
async function setTraining(page: Page, batchSize: string, summaryEvery: string) {
  await page.getByTestId('training-batchSize').fill(batchSize);
  await page.getByTestId('training-batchSize').press('Enter');
  await page.getByTestId('training-summaryEvery').fill(summaryEvery);
  await page.getByTestId('training-summaryEvery').press('Enter');
}

async function setRunOptions(page: Page, backend: string, maxSteps: string, testExamples = '') {
  await page.getByTestId('backend-select').selectOption(backend);
  await page.getByTestId('max-steps-input').fill(maxSteps);
  await page.getByTestId('test-examples-input').fill(testExamples);
  await expect(page.getByTestId('train-button')).toBeEnabled();
}

async function stepCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-count').textContent());
}

test.beforeEach(async ({ editor, page }) => {
  await editor.open();
  await setTraining(page, '8', '1');
});

test('WebGPU run updates the live panels', async ({ page }) => {
  test.setTimeout(300_000);
  await setRunOptions(page, 'webgpu', '1000');
  const histogram = page.getByTestId(ENCODER_PANEL).getByTestId(CONV1_HISTOGRAM);
  await expect(histogram).toHaveAttribute('data-snapshots', '0');

  await page.getByTestId('train-button').click();

  await expect(page.getByTestId('backend-name')).toHaveText('webgpu', { timeout: 60_000 });
  await expect(page.getByTestId('backend-reason')).not.toBeEmpty();
  // Summaries are read back at every step, so the panel paints newer snapshots as steps go by.
  const paintedStep = async () => Number((await histogram.getAttribute('data-last-step')) || 0);
  await expect.poll(paintedStep, { timeout: FIRST_STEP_TIMEOUT }).toBeGreaterThanOrEqual(1);
  const firstPaintedStep = await paintedStep();
  await expect.poll(paintedStep, { timeout: 60_000 }).toBeGreaterThan(firstPaintedStep);
  await expect.poll(async () => Number(await histogram.getAttribute('data-snapshots'))).toBeGreaterThanOrEqual(2);
  await expect.poll(() => stepCount(page)).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('loss-curve-total_loss')).not.toHaveAttribute('data-points', '0');

  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'stopped', { timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  expect(await stepCount(page)).toBeLessThan(1000);
});

test('stop, then retrain from step 0', async ({ page }) => {
  await setRunOptions(page, 'cpu', '100000');
  const histogram = page.getByTestId(CONV1_HISTOGRAM);

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-button')).toBeDisabled();
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  const liveTensors = async () => Number(await page.getByTestId('worker-memory').getAttribute('data-tensors'));
  await expect.poll(liveTensors).toBeGreaterThan(0);
  await expect(page.getByTestId('worker-memory')).toContainText('in the worker');
  await page.getByTestId('stop-button').click();
  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'stopped');
  await expect(page.getByTestId('stop-button')).toBeDisabled();
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-epochs', '0');

  await setRunOptions(page, 'cpu', '3', '100');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('step-count')).toHaveText('3');
  await expect(page.getByTestId('backend-name')).toHaveText('cpu');
  // The second run starts from empty buffers, so it contains exactly its own steps 1 to 3.
  await expect(histogram).toHaveAttribute('data-snapshots', '3');
  await expect(histogram).toHaveAttribute('data-last-step', '3');
  await expect(page.getByTestId('loss-curve-total_loss')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('loss-curve-Classifier/loss')).toHaveAttribute('data-points', '3');
  // The last step ends the run's only epoch, so the test subset is evaluated once.
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-epochs', '1');
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d+\.\d{2}%$/);
  await expect(page.getByTestId('train-progress')).toHaveAttribute('value', '1');
  await expect(page.getByTestId('worker-memory')).toContainText('left in the worker after the run');
});

test('invalid step limit is explained', async ({ page }) => {
  await page.getByTestId('max-steps-input').fill('2.5');
  await expect(page.getByTestId('max-steps-input-error')).toContainText('"2.5"');
  await expect(page.getByTestId('train-button')).toBeDisabled();
  await page.getByTestId('max-steps-input').fill('');
  await expect(page.getByTestId('max-steps-input-error')).toHaveCount(0);
  await expect(page.getByTestId('train-button')).toBeEnabled();
});

test('model error disables training', async ({ editor, page }) => {
  const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
  await editor.reveal(conv1);
  const regularizer = page.getByTestId('param-weightsRegularizer').locator('input');
  await regularizer.fill('l3(0.1)');
  await regularizer.press('Enter');
  await expect(page.getByTestId('train-button')).toBeDisabled();
  await expect(page.getByTestId('train-disabled-reason')).toContainText('l3(0.1)');

  await regularizer.fill('l2(0.01)');
  await regularizer.press('Enter');
  await expect(page.getByTestId('train-disabled-reason')).toHaveCount(0);
  await expect(page.getByTestId('train-button')).toBeEnabled();
});

test('training bar speaks Korean', async ({ editor, page }) => {
  await editor.languageSwitch.click();
  await expect(page.getByTestId('train-button')).toHaveText('학습');
  await expect(page.getByTestId('stop-button')).toHaveText('중지');
  await expect(page.getByTestId('train-phase')).toHaveText('준비');
  await expect(page.getByTestId('panels-tab-collections')).toHaveText('컬렉션');

  // Each placeholder fits its input, so none shows cut off.
  for (const testId of ['max-steps-input', 'test-examples-input']) {
    const input = page.getByTestId(testId);
    await expect(input).toHaveAttribute('placeholder', /[가-힣]/);
    const room = await input.evaluate((element: HTMLInputElement) => {
      const style = getComputedStyle(element);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return inner - context.measureText(element.placeholder).width;
    });
    expect(room, testId).toBeGreaterThanOrEqual(0);
  }
});
