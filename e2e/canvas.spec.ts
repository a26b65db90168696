import type { Box } from './fixtures';
import { expect, test } from './fixtures';

function expectInside(inner: Box, outer: Box) {
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y).toBeGreaterThanOrEqual(outer.y);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height);
}

test.describe('canvas editing', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.open();
  });

  test('drags a palette item onto the empty canvas', async ({ editor }) => {
    const before = await editor.nodeCount();
    const canvas = (await editor.canvas.root.boundingBox())!;
    await editor.palette.dragTo('Conv2D', { x: canvas.x + 120, y: canvas.y + 120 });
    await expect(editor.page.locator('.react-flow__node')).toHaveCount(before + 1);
    const id = await editor.canvas.idOfPath('conv1');
    await expect(editor.canvas.node(id)).toBeVisible();
    // Unconnected, so the diagnostic names the missing input.
    await expect(editor.page.getByTestId(`node-diagnostics-${id}`)).toContainText('nothing connected to its input');
  });

  test('drags a palette item into a scope', async ({ editor }) => {
    const head = await editor.canvas.idOfPath('Classifier/Head');
    await editor.reveal(head);
    const box = await editor.canvas.box(head);
    await editor.palette.dragTo('Dropout', { x: box.x + box.width / 2, y: box.y + box.height - 20 });
    const id = await editor.canvas.idOfPath('Classifier/Head/dropout');
    const [scopeBox, layerBox] = await Promise.all([editor.canvas.box(head), editor.canvas.box(id)]);
    expectInside(layerBox, scopeBox);
  });

  test('connects two layers and labels the edge with its shape', async ({ editor, page }) => {
    const mnist = await editor.canvas.idOfPath('mnist');
    // The whole model is in view; the left edge of the canvas is empty.
    const canvas = (await editor.canvas.root.boundingBox())!;
    await editor.palette.dragTo('Flatten', { x: canvas.x + 140, y: canvas.y + canvas.height / 2 });
    const flatten = await editor.canvas.idOfPath('flatten');
    await expect(editor.canvas.node(flatten)).toBeVisible();
    await editor.canvas.connect(editor.canvas.handle(mnist, 'images'), editor.canvas.handle(flatten, 'input'));
    await expect(editor.canvas.shape(flatten)).toHaveText('784');
    await expect(page.locator('.react-flow__edge-text', { hasText: /^28×28×1$/ })).toHaveCount(2);
  });

  test('rejects invalid and duplicate names with a message', async ({ editor, page }) => {
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    await editor.inspector.rename('pool1');
    await expect(editor.inspector.nameError).toContainText('"pool1" is already used in scope Encoder');
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/conv1');

    await editor.inspector.rename('bad name!');
    await expect(editor.inspector.nameError).toContainText('The name "bad name!" is invalid');

    await editor.inspector.rename('features');
    await expect(editor.inspector.nameError).toBeHidden();
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/features');

    // The same check in Korean.
    await editor.languageSwitch.click();
    await editor.inspector.rename('pool1');
    await expect(editor.inspector.nameError).toContainText('pool1');
    await expect(editor.inspector.nameError).toContainText('Encoder');
    await expect(page.getByTestId('undo')).toHaveText('실행 취소');
  });

  test('shows a shape mismatch on the node with expected and actual shapes', async ({ editor }) => {
    const mnist = await editor.canvas.idOfPath('mnist');
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    const heightBefore = await editor.canvas.node(conv1).evaluate((element: HTMLElement) => element.offsetHeight);
    // The labels endpoint ([10]) replaces the images edge into conv1.
    await editor.canvas.connect(editor.canvas.handle(mnist, 'labels'), editor.canvas.handle(conv1, 'input'));
    const diagnostics = editor.page.getByTestId(`node-diagnostics-${conv1}`);
    await expect(diagnostics).toContainText('has shape [10], expected [height, width, channels]');
    await expect(diagnostics).toHaveAttribute('title', /has shape \[10\]/);
    // The problem shows as a badge of fixed size: the node does not grow over the one below.
    expect(await editor.canvas.node(conv1).evaluate((element: HTMLElement) => element.offsetHeight)).toBe(heightBefore);
    await expect(editor.canvas.node(conv1)).toHaveClass(/sf-layer--error/);
    await expect(editor.page.locator(`.react-flow__edge[data-source="${mnist}"][data-target="${conv1}"]`)).toHaveClass(
      /sf-edge--invalid/,
    );
  });

  test('C1: dragging a layer past the outer scope grows every ancestor', async ({ editor }) => {
    const classifier = await editor.canvas.idOfPath('Classifier');
    const encoder = await editor.canvas.idOfPath('Classifier/Encoder');
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    const outer = await editor.canvas.box(classifier);
    const start = await editor.canvas.box(conv1);
    const dx = outer.x + outer.width - start.x + 80;
    await editor.canvas.dragNodeBy(conv1, dx, 0);

    const moved = await editor.canvas.box(conv1);
    expect(moved.x).toBeGreaterThan(outer.x + outer.width);
    expectInside(moved, await editor.canvas.box(encoder));
    expectInside(await editor.canvas.box(encoder), await editor.canvas.box(classifier));
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/conv1');
  });

  test('C2: an edge inside a filled scope is visible and selectable', async ({ editor }) => {
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    await editor.canvas.clickEmpty();
    const edge = editor.page.locator('.react-flow__edge').filter({ has: editor.page.locator('.react-flow__edge-text', { hasText: /^28×28×16$/ }) });
    await expect(edge).toHaveCount(1);
    await expect(edge).toBeVisible();
    // A point on the edge path, away from its label, must hit the edge: the scope's fill may not cover it.
    const point = await edge.locator('.react-flow__edge-interaction').evaluate((path: SVGPathElement) => {
      const onPath = path.getPointAtLength(path.getTotalLength() * 0.2);
      const screen = new DOMPoint(onPath.x, onPath.y).matrixTransform(path.getScreenCTM()!);
      const hit = document.elementFromPoint(screen.x, screen.y);
      return { x: screen.x, y: screen.y, hitsEdge: hit?.closest('.react-flow__edge') !== null };
    });
    expect(point.hitsEdge).toBe(true);
    await editor.page.mouse.click(point.x, point.y);
    await expect(edge).toHaveClass(/selected/);
  });
});

test.describe('renaming on the canvas', () => {
  test('double-click renames a layer in place with validation', async ({ editor, page }) => {
    await editor.open();
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    await editor.canvas.path(conv1).dblclick();
    const input = page.getByTestId(`rename-input-${conv1}`);
    await input.fill('pool1');
    await input.press('Enter');
    await expect(page.getByTestId(`rename-error-${conv1}`)).toContainText('already used in scope Encoder');
    await input.fill('stem');
    await input.press('Enter');
    await expect(input).toHaveCount(0);
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/stem');
  });

  test('leaving the rename box applies it, Escape cancels', async ({ editor, page }) => {
    await editor.open();
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    await editor.canvas.path(conv1).dblclick();
    const input = page.getByTestId(`rename-input-${conv1}`);
    await input.fill('stem');
    await input.blur();
    await expect(input).toHaveCount(0);
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/stem');

    await editor.canvas.path(conv1).dblclick();
    await input.fill('discarded');
    await input.press('Escape');
    await expect(input).toHaveCount(0);
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/stem');
  });

  test('double-click renames a scope in place', async ({ editor, page }) => {
    await editor.open();
    const encoder = await editor.canvas.idOfPath('Classifier/Encoder');
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(encoder);
    await page.getByTestId(`scope-name-${encoder}`).dblclick();
    const input = page.getByTestId(`rename-input-${encoder}`);
    await input.fill('Features');
    await input.press('Enter');
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Features/conv1');
    await editor.shortcut('Control+z');
    await expect(editor.canvas.path(conv1)).toHaveText('Classifier/Encoder/conv1');
  });
});

test('activation preset adds a named Activation layer', async ({ editor, page }) => {
  await editor.open();
  const canvas = (await editor.canvas.root.boundingBox())!;
  await editor.palette.dragTo('Activation-softmax', { x: canvas.x + 140, y: canvas.y + 140 });
  const id = await editor.canvas.idOfPath('softmax');
  await editor.canvas.select(id);
  await expect(page.locator('#param-activation-input')).toHaveValue('softmax');
  await expect(page.getByTestId('param-activation-source')).toContainText('set here');
});
