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

  test('opens without console warnings and with attribution', async ({ editor, page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await editor.open();
    await expect(page.locator('.react-flow__attribution')).toBeVisible();
    expect(warnings).toEqual([]);
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

  test.describe('at projector size 1280x720', () => {
    test.use({ viewport: { width: 1280, height: 720 } });

    test('opens the model at a readable zoom', async ({ editor }) => {
      await editor.open();
      expect(await editor.canvas.zoom()).toBeGreaterThanOrEqual(0.75);

      // The input layer and the first convolution are on screen.
      const canvasBox = (await editor.canvas.root.boundingBox())!;
      for (const path of ['mnist', 'Classifier/Encoder/conv1']) {
        const id = await editor.canvas.idOfPath(path);
        const box = await editor.canvas.box(id);
        expect(box.x).toBeGreaterThanOrEqual(canvasBox.x);
        expect(box.x + box.width).toBeLessThanOrEqual(canvasBox.x + canvasBox.width);
        expect(box.y).toBeGreaterThanOrEqual(canvasBox.y);
        expect(box.y + box.height).toBeLessThanOrEqual(canvasBox.y + canvasBox.height);
      }
    });

    test('folding the bottom panels gives the canvas room', async ({ editor, page }) => {
      await editor.open();
      const before = (await editor.canvas.root.boundingBox())!.height;
      await page.getByTestId('bottom-fold').click();
      await expect(page.getByTestId('bottom-fold')).toHaveAttribute('aria-expanded', 'false');
      await expect(async () => {
        expect((await editor.canvas.root.boundingBox())!.height).toBeGreaterThan(before + 80);
      }).toPass();

      // A tab stays reachable and unfolds the panels.
      await page.getByTestId('bottom-panels').getByRole('tab').first().click();
      await expect(page.getByTestId('bottom-fold')).toHaveAttribute('aria-expanded', 'true');
    });

    for (const language of ['en', 'ko']) {
      test(`header stays one row in ${language}`, async ({ editor, page }) => {
        await editor.open();
        if (language === 'ko') {
          await editor.languageSwitch.click();
          await expect(page.getByTestId('undo')).toHaveText('실행 취소');
        }
        const header = page.locator('.sf-topbar');
        const height = (await header.boundingBox())!.height;
        expect(height).toBeLessThanOrEqual(76);

        // File, Share and the language switch sit on the header's row, not below it.
        const headerBox = (await header.boundingBox())!;
        for (const control of [editor.languageSwitch, page.getByTestId('train-button')]) {
          const box = (await control.boundingBox())!;
          expect(box.y + box.height).toBeLessThanOrEqual(headerBox.y + headerBox.height);
        }

        // A "cannot train" reason does not change the header's height or move the canvas.
        const canvasTop = (await editor.canvas.root.boundingBox())!.y;
        await editor.canvas.select(await editor.canvas.idOfPath('mnist'));
        await page.keyboard.press('Delete');
        await expect(page.getByTestId('train-disabled-reason')).toBeVisible();
        expect((await header.boundingBox())!.height).toBe(height);
        expect((await editor.canvas.root.boundingBox())!.y).toBe(canvasTop);
      });
    }
  });
});

