/**
 * Sharing in real Chromium: links open as new documents beside the user's work, bad links keep it,
 * long links offer a file, documents persist in IndexedDB, and files save and open.
 */
import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { DocumentBuilder } from '../src/graph/builder';
import { getTemplate } from '../src/graph/templates';
import type { DocNode, ModelDocument } from '../src/graph/types';
import { encodePayloadV1 } from '../src/share/binary-v1';
import { encodeShareFragment, frameLinkPayload } from '../src/share/link';

async function openApp(page: Page, fragment = ''): Promise<void> {
  await page.goto(fragment ? `/#${fragment}` : '/');
  await expect(page.getByTestId('share-controls')).toHaveAttribute('data-ready', 'true');
}

function linkOf(doc: ModelDocument): string {
  const link = encodeShareFragment(doc);
  if (!link.ok) throw new Error(link.error.message);
  return link.value;
}

async function openDocuments(page: Page) {
  await page.getByTestId('documents-button').click();
  const dialog = page.getByTestId('documents-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function renameCurrent(page: Page, title: string): Promise<void> {
  const dialog = await openDocuments(page);
  const current = dialog.locator('[data-testid="documents-item"][data-current="true"]');
  await current.getByTestId('documents-rename').click();
  await current.getByTestId('documents-rename-input').fill(title);
  await current.getByTestId('documents-rename-input').press('Enter');
  await expect(current.getByTestId('documents-title')).toContainText(title);
  await dialog.getByTestId('documents-close').click();
  await expect(page.getByTestId('document-title')).toHaveText(title);
}

/** Builds a model whose link is far over 2,000 characters: 300 dense layers with unrelated names. */
function bigModel(): ModelDocument {
  const doc = getTemplate('default');
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed;
  };
  const nodes: DocNode[] = [];
  for (let i = 0; i < 300; i++) {
    nodes.push({
      id: `big${i}`,
      kind: 'layer',
      type: 'Dense',
      name: `fc_${random().toString(36)}`,
      params: { units: 1 + (random() % 500) },
      position: { x: 0, y: 0 },
    });
  }
  return { ...doc, title: 'Big model', nodes: [...doc.nodes, ...nodes] };
}

test.describe('sharing', () => {
  test('share link opens as a new document', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await renameCurrent(page, 'Lesson one');
    const firstId = await (await openDocuments(page)).locator('[data-current="true"]').getAttribute('data-doc-id');
    await page.getByTestId('documents-close').click();

    await page.getByTestId('share-button').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#[A-Za-z0-9_-]+$/);
    expect(url.length).toBeLessThan(500);
    await expect(page.getByTestId('share-long-warning')).toHaveCount(0);
    await page.getByTestId('share-copy').click();
    await expect(page.getByTestId('share-copy-status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    const student = await context.newPage();
    await student.goto(url);
    await expect(student.getByTestId('share-controls')).toHaveAttribute('data-ready', 'true');
    await expect(student.getByTestId('share-notice')).toContainText('Opened the shared model "Lesson one" as a new document.');
    await expect(student.getByTestId('document-title')).toHaveText('Lesson one');
    await expect(student.locator('[data-testid^="node-path-"]', { hasText: /^Classifier\/Encoder\/conv1$/ })).toBeVisible();
    // The fragment leaves the address bar, so a reload reopens the saved copy instead of a second one.
    await expect(student).toHaveURL(/\/$/);

    const documents = await openDocuments(student);
    await expect(documents.getByTestId('documents-item')).toHaveCount(2);
    const current = documents.locator('[data-testid="documents-item"][data-current="true"]');
    await expect(current).toHaveCount(1);
    expect(await current.getAttribute('data-doc-id')).not.toBe(firstId);
    await expect(documents.locator(`[data-doc-id="${firstId}"]`)).toContainText('Lesson one');

    // Reopening the teacher's copy in this tab switches the open document.
    const sharedId = await current.getAttribute('data-doc-id');
    await documents.locator(`[data-doc-id="${firstId}"]`).getByTestId('documents-open').click();
    await expect(student.getByTestId('documents-dialog')).toHaveCount(0);
    const reopened = await openDocuments(student);
    await expect(reopened.locator('[data-current="true"]')).toHaveAttribute('data-doc-id', firstId!);
    await expect(reopened.locator(`[data-doc-id="${sharedId}"]`)).toHaveAttribute('data-current', 'false');
  });

  test('VGG-16 link carries the model after #', async ({ page }) => {
    const vgg16 = linkOf(getTemplate('vgg16'));
    await openApp(page, vgg16);
    await expect(page.getByTestId('document-title')).toHaveText('vgg_16');
    await page.getByTestId('share-button').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url.split('#')[1]).toBe(vgg16);
    await expect(page.getByTestId('share-length')).toHaveText(`${url.length} characters`);
    await expect(page.getByTestId('share-long-warning')).toHaveCount(0);
  });

  test('long link warns and offers a file', async ({ page }) => {
    await openApp(page);
    const doc = bigModel();
    await page.getByTestId('file-open-input').setInputFiles({
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await expect(page.getByTestId('document-title')).toHaveText('Big model');

    await page.getByTestId('share-button').click();
    await expect(page.getByTestId('share-long-warning')).toContainText('send the model as a file instead');
    const length = Number((await page.getByTestId('share-length').textContent())!.split(' ')[0]);
    expect(length).toBeGreaterThan(2000);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
    expect(download.suggestedFilename()).toBe('Big model.scopeflow.json');
    const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as ModelDocument;
    expect(saved.title).toBe('Big model');
    expect(saved.nodes.map((node) => node.name)).toEqual(doc.nodes.map((node) => node.name));
  });

  test('saves and opens a JSON file', async ({ page }) => {
    await openApp(page);
    await renameCurrent(page, 'Saved lesson');
    await page.getByTestId('file-menu-button').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-save').click()]);
    expect(download.suggestedFilename()).toBe('Saved lesson.scopeflow.json');
    const text = await readFile((await download.path())!, 'utf8');
    const saved = JSON.parse(text) as ModelDocument;
    expect(saved.title).toBe('Saved lesson');
    expect(saved.nodes.length).toBe(getTemplate('default').nodes.length);

    await renameCurrent(page, 'Changed after saving');
    await page.getByTestId('file-open-input').setInputFiles({ name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('share-notice')).toContainText('Opened "Saved lesson" as a new document.');
    await expect(page.getByTestId('document-title')).toHaveText('Saved lesson');
    const documents = await openDocuments(page);
    await expect(documents.getByTestId('documents-title')).toHaveCount(2);
    await expect(documents).toContainText('Changed after saving');
    await documents.getByTestId('documents-close').click();

    await page.getByTestId('file-open-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [') });
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'not-json');
    await expect(page.getByTestId('share-notice-text')).toContainText('The file could not be opened. Your current work is unchanged.');
    await expect(page.getByTestId('share-notice-text')).toContainText(
      'The file "notes.json" is not valid JSON: the first syntax error is at line 1, column 12.',
    );
    await expect(page.getByTestId('document-title')).toHaveText('Saved lesson');
  });

  test('documents persist and can be deleted', async ({ page }) => {
    await openApp(page);
    await renameCurrent(page, 'Survives reload');
    await page.reload();
    await expect(page.getByTestId('share-controls')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('document-title')).toHaveText('Survives reload');

    await page.goto(`/#${linkOf(getTemplate('vgg19'))}`);
    await expect(page.getByTestId('document-title')).toHaveText('vgg_19');
    const documents = await openDocuments(page);
    await expect(documents.getByTestId('documents-item')).toHaveCount(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await documents.locator('[data-current="true"]').getByTestId('documents-delete').click();
    await expect(documents.getByTestId('documents-item')).toHaveCount(1);
    await expect(page.getByTestId('document-title')).toHaveText('Survives reload');
  });
});

test('exports the trained model as tfjs files', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-menu-button').click();
  await expect(page.getByTestId('file-export-tfjs')).toBeDisabled();
  await page.getByTestId('file-menu-button').click();

  // A dense-only model trains and evaluates quickly on the CPU backend.
  const tiny = new DocumentBuilder('Tiny classifier')
    .add((builder) => {
      builder.layer('MnistInput', 'mnist');
      builder.layer('Flatten', 'flatten');
      builder.layer('Dense', 'logits', { units: 10, activation: 'linear' });
      builder.layer('SoftmaxCrossEntropy', 'loss');
    })
    .chain('mnist:images', 'flatten', 'logits', 'loss:logits')
    .build();
  tiny.edges.push({ id: 'labels', source: tiny.nodes[0].id, sourceHandle: 'labels', target: tiny.nodes[3].id, targetHandle: 'labels' });
  await page.getByTestId('file-open-input').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) });
  await expect(page.getByTestId('document-title')).toHaveText('Tiny classifier');

  await page.getByTestId('backend-select').selectOption('cpu');
  await page.getByTestId('max-steps-input').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });

  await page.getByTestId('file-menu-button').click();
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  await page.getByTestId('file-export-tfjs').click();
  await expect.poll(() => downloads.length).toBe(2);
  const [modelJson, weights] = downloads;
  expect(modelJson.suggestedFilename()).toBe('model.json');
  expect(weights.suggestedFilename()).toBe('model.weights.bin');

  const json = JSON.parse(await readFile((await modelJson.path())!, 'utf8'));
  expect(json.format).toBe('layers-model');
  expect(json.weightsManifest[0].paths).toEqual(['./model.weights.bin']);
  const bytes = await readFile((await weights.path())!);
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    }),
  );
  const outputs = tf.tidy(() => {
    const result = model.predict(tf.zeros([1, 28, 28, 1]));
    return (Array.isArray(result) ? result : [result]).map((tensor) => Array.from(tensor.dataSync()));
  });
  expect(outputs.at(-1)!.every(Number.isFinite)).toBe(true);
  model.dispose();
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1600, height: 1000 }]) {
  test(`link notice covers no controls at ${viewport.width}x${viewport.height}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page, linkOf(getTemplate('default')));
    const notice = page.getByTestId('share-notice');
    await expect(notice).toContainText('Opened the shared model');
    const noticeBox = (await notice.boundingBox())!;
    expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(viewport.height);

    const controls = ['train-button', 'stop-button', 'backend-select', 'max-steps-input', 'test-examples-input', 'test-accuracy', 'train-progress', 'share-button', 'documents-button', 'inspector'];
    for (const testId of controls) {
      const box = (await page.getByTestId(testId).boundingBox())!;
      const overlaps =
        box.x < noticeBox.x + noticeBox.width &&
        noticeBox.x < box.x + box.width &&
        box.y < noticeBox.y + noticeBox.height &&
        noticeBox.y < box.y + box.height;
      expect(overlaps, `notice covers ${testId}`).toBe(false);
    }
    await page.screenshot({ path: test.info().outputPath('notice.png') });

    await page.getByTestId('share-notice-dismiss').click();
    await expect(notice).toHaveCount(0);
  });
}

test('info notice hides itself, errors stay', async ({ page }) => {
  await page.clock.install();
  await openApp(page, linkOf(getTemplate('default')));
  const notice = page.getByTestId('share-notice');
  await expect(notice).toHaveAttribute('data-kind', 'info');
  await page.clock.fastForward(16_000);
  await expect(notice).toHaveCount(0);

  await page.getByTestId('file-open-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[') });
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await page.clock.fastForward(60_000);
  await expect(notice).toHaveAttribute('data-kind', 'error');
});

test('format 0 link opens migrated', async ({ page }) => {
  const link = (await readFile('src/share/corpus/v0-default.link.txt', 'utf8')).trim();
  await openApp(page, link.split('#')[1]);
  await expect(page.getByTestId('share-notice')).toContainText('Opened the shared model "MNIST classifier" as a new document.');
  for (const path of ['Classifier/Encoder/conv1', 'Classifier/Head/logits', 'Classifier/loss']) {
    await expect(page.locator('[data-testid^="node-path-"]', { hasText: new RegExp(`^${path}$`) })).toBeVisible();
  }
});

test.describe('bad links in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('corrupted link keeps the current work', async ({ page }) => {
    await openApp(page);
    await renameCurrent(page, 'Keep me');
    const link = linkOf(getTemplate('vgg19'));

    await page.goto(`/#${link.slice(0, link.length - 30)}`);
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-kind', 'error');
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'truncated');
    await expect(page.getByTestId('share-notice-text')).toContainText('링크가 중간에 끊겼습니다');
    await expect(page.getByTestId('share-notice-text')).toContainText('지금 작업은 그대로입니다');
    await expect(page.getByTestId('document-title')).toHaveText('Keep me');

    const changed = `${link.slice(0, 20)}${link[20] === 'A' ? 'B' : 'A'}${link.slice(21)}`;
    await page.goto(`/#${changed}`);
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'corrupted');
    await expect(page.getByTestId('share-notice-text')).toContainText('링크가 손상되었거나 변경되었습니다');
    await expect(page.getByTestId('document-title')).toHaveText('Keep me');

    const documents = await openDocuments(page);
    await expect(documents.getByTestId('documents-item')).toHaveCount(1);
  });

  test('bad JSON file names line and column in Korean', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-open-input').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('hello world') });
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'not-json');
    await expect(page.getByTestId('share-notice-text')).toContainText('1번째 줄 1번째 칸');
    await expect(page.getByTestId('share-notice-text')).not.toContainText('Unexpected');
  });

  test('pasted document JSON link is named', async ({ page }) => {
    await openApp(page, encodeURIComponent('{"version":1,"nodes":[]}'));
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'document-json');
    await expect(page.getByTestId('share-notice-text')).toContainText('ScopeFlow 문서 JSON이 그대로 들어 있습니다');
    await expect(page.getByTestId('share-notice-text')).not.toContainText('format');
  });

  test('newer link says to update', async ({ page }) => {
    const newer = frameLinkPayload(encodePayloadV1(getTemplate('default')), 2);
    await openApp(page, newer);
    await expect(page.getByTestId('share-notice')).toHaveAttribute('data-code', 'newer-version');
    await expect(page.getByTestId('share-notice-text')).toContainText('더 새로운 버전의 ScopeFlow에서 만들어졌습니다');
    // The default title is stored in English and shown in the UI language.
    await expect(page.getByTestId('document-title')).toHaveText('MNIST 분류기');
  });
});

test('File menu opens the VGG-19 template beside the current work', async ({ page }) => {
  await openApp(page);
  await renameCurrent(page, 'My lesson');

  await page.getByTestId('file-menu-button').click();
  await page.getByTestId('file-template-vgg19').click();
  await expect(page.getByTestId('document-title')).toHaveText('vgg_19');
  await expect(page.getByTestId('train-button')).toBeDisabled();
  await page.getByTestId('panels-tab-analyzer').click();
  await expect(page.getByTestId('analyzer-total')).toHaveAttribute('data-size', '143667240');
  await expect(page.getByTestId('analyzer-total')).toHaveAttribute('data-bytes', '574668960');

  const dialog = await openDocuments(page);
  await expect(dialog.getByTestId('documents-title').filter({ hasText: 'My lesson' })).toHaveCount(1);
});
