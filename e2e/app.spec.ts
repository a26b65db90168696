import { expect, test } from './fixtures';

test.describe('app shell', () => {
  test('opens on the default model with scopes, paths and shapes', async ({ editor, page }) => {
    await editor.open();
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await expect(editor.canvas.shape(conv1)).toHaveText('28×28×16');
    const encoder = await editor.canvas.idOfPath('Classifier/Encoder');
    await expect(page.getByTestId(`scope-kind-${encoder}`)).toHaveText('variable_scope');
    await expect(page.getByTestId(`scope-name-${encoder}`)).toHaveText('Encoder');
    const flatten = await editor.canvas.idOfPath('Classifier/Head/flatten');
    await expect(editor.canvas.shape(flatten)).toHaveText('1568');

    // The layer sits inside its scope's box, which sits inside the outer scope.
    const classifier = await editor.canvas.idOfPath('Classifier');
    const [outer, inner, layer] = await Promise.all([
      editor.canvas.box(classifier),
      editor.canvas.box(encoder),
      editor.canvas.box(conv1),
    ]);
    expect(inner.x).toBeGreaterThan(outer.x);
    expect(layer.x).toBeGreaterThan(inner.x);
    expect(layer.y + layer.height).toBeLessThan(inner.y + inner.height);
    expect(inner.x + inner.width).toBeLessThan(outer.x + outer.width);
  });

  test('language switch changes the UI to Korean and back', async ({ editor, page }) => {
    await editor.open();
    await expect(page.getByTestId('undo')).toHaveText('Undo');
    await expect(editor.languageSwitch).toHaveText('한국어');
    await editor.languageSwitch.click();
    await expect(page.getByTestId('undo')).toHaveText('실행 취소');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('palette')).toContainText('레이어');
    // Field names stay as they are in both languages.
    await expect(page.getByTestId('palette-item-Conv2D')).toContainText('Conv2D');
    await editor.languageSwitch.click();
    await expect(page.getByTestId('undo')).toHaveText('Undo');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('first language follows navigator.languages', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('undo')).toHaveText('실행 취소');
    await context.close();
  });
});
