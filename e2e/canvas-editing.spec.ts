import { expect, test } from './fixtures';

test.describe('canvas editing commands', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.open();
  });

  test('undo and redo a whole drag as one step', async ({ editor, page }) => {
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    await editor.reveal(conv1);
    const start = await editor.canvas.box(conv1);
    await editor.canvas.dragNodeBy(conv1, 60, 40);
    await expect.poll(async () => (await editor.canvas.box(conv1)).x).toBeGreaterThan(start.x + 50);

    await editor.shortcut('Control+z');
    await expect.poll(async () => (await editor.canvas.box(conv1)).x).toBeCloseTo(start.x, 0);
    await expect(page.getByTestId('undo')).toBeDisabled();

    await editor.shortcut('Control+Shift+z');
    await expect.poll(async () => (await editor.canvas.box(conv1)).x).toBeGreaterThan(start.x + 50);
    await editor.shortcut('Control+z');
    await editor.shortcut('Control+y');
    await expect.poll(async () => (await editor.canvas.box(conv1)).x).toBeGreaterThan(start.x + 50);
  });

  test('undo restores a deleted layer and its edges', async ({ editor, page }) => {
    const pool1 = await editor.canvas.idOfPath('Classifier/Encoder/pool1');
    const edges = await page.locator('.react-flow__edge').count();
    await editor.reveal(pool1);
    await editor.shortcut('Delete');
    await expect(editor.canvas.node(pool1)).toHaveCount(0);
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges - 2);
    await editor.shortcut('Control+z');
    await expect(editor.canvas.node(pool1)).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges);
  });

  test('deleting a scope asks whether to keep its contents', async ({ editor, page }) => {
    const head = await editor.canvas.idOfPath('Classifier/Head');
    const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
    await editor.reveal(head);
    await editor.shortcut('Delete');
    await expect(page.getByTestId('delete-scope-dialog')).toBeVisible();
    await page.getByTestId('delete-scope-keep').click();
    await expect(editor.canvas.node(head)).toHaveCount(0);
    await expect(editor.canvas.path(fc1)).toHaveText('Classifier/fc1');

    await editor.shortcut('Control+z');
    await expect(editor.canvas.path(fc1)).toHaveText('Classifier/Head/fc1');
    await editor.reveal(head);
    await editor.shortcut('Delete');
    await page.getByTestId('delete-scope-all').click();
    await expect(editor.canvas.node(head)).toHaveCount(0);
    await expect(editor.canvas.node(fc1)).toHaveCount(0);
  });

  test('collapses a scope into one node that keeps its outside edges', async ({ editor, page }) => {
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    const encoder = await editor.canvas.idOfPath('Classifier/Encoder');
    const conv1 = await editor.canvas.idOfPath('Classifier/Encoder/conv1');
    const classifier = await editor.canvas.idOfPath('Classifier');
    const head = await editor.canvas.idOfPath('Classifier/Head');
    const classifierBefore = await editor.canvas.box(classifier);
    const headBefore = await editor.canvas.box(head);
    await page.getByTestId(`scope-toggle-${encoder}`).click();
    await expect(editor.canvas.node(conv1)).toBeHidden();

    // Head moves up under the collapsed Encoder and Classifier shrinks: no empty band is left.
    await expect(async () => {
      const collapsedBox = await editor.canvas.box(encoder);
      const headBox = await editor.canvas.box(head);
      expect(headBox.y).toBeLessThan(headBefore.y);
      expect(headBox.y - (collapsedBox.y + collapsedBox.height)).toBeLessThan(100);
      expect((await editor.canvas.box(classifier)).height).toBeLessThan(classifierBefore.height);
    }).toPass();
    await expect(page.getByTestId(`scope-params-${encoder}`)).toHaveText('4,800 parameters');
    await expect(page.getByTestId(`scope-name-${encoder}`)).toHaveText('Encoder');
    // mnist → Encoder and Encoder → flatten stay drawn, attached to the collapsed scope.
    const mnist = await editor.canvas.idOfPath('mnist');
    const flatten = await editor.canvas.idOfPath('Classifier/Head/flatten');
    await expect(page.locator(`.react-flow__edge[data-source="${mnist}"][data-target="${encoder}"]`)).toBeVisible();
    await expect(page.locator(`.react-flow__edge[data-source="${encoder}"][data-target="${flatten}"]`)).toBeVisible();
    // Edges inside the collapsed scope are not drawn.
    await expect(page.locator(`.react-flow__edge[data-source="${conv1}"]`)).toHaveCount(0);
    await expect(page.locator(`.react-flow__handle[data-nodeid="${encoder}"]`)).toHaveCount(2);
    await page.getByTestId(`scope-toggle-${encoder}`).click();
    await expect(editor.canvas.node(conv1)).toBeVisible();
    await expect(async () => {
      expect(await editor.canvas.box(head)).toEqual(headBefore);
      expect(await editor.canvas.box(classifier)).toEqual(classifierBefore);
    }).toPass();
    expect(warnings).toEqual([]);
  });

  test('groups layers into a new scope and ungroups in place', async ({ editor, page }) => {
    const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
    await editor.reveal(fc1);
    const before = await editor.canvas.box(fc1);
    await editor.shortcut('Control+g');
    await expect(editor.canvas.path(fc1)).toHaveText('Classifier/Head/scope/fc1');
    const after = await editor.canvas.box(fc1);
    expect(after.x).toBeCloseTo(before.x, 0);
    // fc1 may move down so that the new scope's header clears flatten above it.
    expect(after.y).toBeGreaterThanOrEqual(before.y - 1);
    const flatten = await editor.canvas.box(await editor.canvas.idOfPath('Classifier/Head/flatten'));
    const wrapper = await editor.canvas.box(await editor.canvas.idOfPath('Classifier/Head/scope'));
    expect(wrapper.y).toBeGreaterThanOrEqual(flatten.y + flatten.height);

    await editor.shortcut('Control+Shift+g');
    await expect(editor.canvas.path(fc1)).toHaveText('Classifier/Head/fc1');
    const back = await editor.canvas.box(fc1);
    expect(back.x).toBeCloseTo(before.x, 0);
    await expect(page.getByTestId('undo')).toBeEnabled();
  });

  for (const modifier of ['Shift', 'Control']) {
    test(`${modifier}+click adds a layer to the selection`, async ({ editor, page }) => {
      const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
      const logits = await editor.canvas.idOfPath('Classifier/Head/logits');
      await editor.reveal(fc1);
      await editor.canvas.select(fc1);
      const box = await editor.canvas.box(logits);
      await page.keyboard.down(modifier);
      await page.mouse.click(box.x + 12, box.y + 12);
      await page.keyboard.up(modifier);
      await expect(editor.canvas.wrapper(logits)).toHaveClass(/selected/);
      await expect(editor.canvas.wrapper(fc1)).toHaveClass(/selected/);

      await editor.shortcut('Control+g');
      await expect(editor.canvas.path(fc1)).toHaveText('Classifier/Head/scope/fc1');
      await expect(editor.canvas.path(logits)).toHaveText('Classifier/Head/scope/logits');
    });
  }

  test('copies and pastes a scope with new ids and inner edges', async ({ editor, page }) => {
    const head = await editor.canvas.idOfPath('Classifier/Head');
    const edges = await page.locator('.react-flow__edge').count();
    await editor.reveal(head);
    await editor.shortcut('Control+c');
    await editor.shortcut('Control+v');
    await expect(page.locator('[data-testid^="node-path-"]', { hasText: /^Classifier\/Head_1\/fc1$/ })).toHaveCount(1);
    // The two edges inside Head are copied; edges to outside nodes are not.
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges + 2);
    await editor.shortcut('Control+d');
    await expect(page.locator('[data-testid^="node-path-"]', { hasText: /^Classifier\/Head_1_1\/fc1$/ })).toHaveCount(1);
  });

  test('select all, shortcuts dialog and auto layout', async ({ editor, page }) => {
    await editor.canvas.clickEmpty();
    await editor.shortcut('Control+a');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(await editor.nodeCount());
    await editor.shortcut('?');
    await expect(page.getByTestId('shortcuts-dialog')).toContainText('Ctrl+Shift+Z');
    await page.getByTestId('shortcuts-close').click();
    await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
    await page.getByTestId('auto-layout').click();
    await expect(page.getByTestId('undo')).toBeEnabled();
  });

  test('outline search selects and reveals a node', async ({ editor, page }) => {
    await page.getByTestId('outline-search').fill('Head/log');
    const logits = await editor.canvas.idOfPath('Classifier/Head/logits');
    await expect(page.getByTestId(`outline-item-${logits}`)).toBeVisible();
    await expect(page.locator('[data-testid^="outline-item-"]')).toHaveCount(3);
    await page.getByTestId(`outline-item-${logits}`).click();
    await expect(editor.canvas.wrapper(logits)).toHaveClass(/selected/);
    await expect(editor.inspector.name).toHaveValue('logits');
  });

  test('problems list selects the node of a problem', async ({ editor, page }) => {
    const canvas = (await editor.canvas.root.boundingBox())!;
    await editor.palette.dragTo('Dense', { x: canvas.x + 100, y: canvas.y + 100 });
    await page.getByTestId('side-tab-problems').click();
    const problem = page.getByTestId('problems-list').getByRole('button', { name: /nothing connected/ });
    await expect(problem).toHaveCount(1);
    const id = await editor.canvas.idOfPath('fc1');
    await editor.canvas.clickEmpty();
    await problem.click();
    await expect(editor.canvas.wrapper(id)).toHaveClass(/selected/);
  });
});

test.describe('scopes and edges', () => {
  test.beforeEach(async ({ editor }) => {
    await editor.open();
  });

  test('deletes a selected edge with Delete', async ({ editor, page }) => {
    const edges = await page.locator('.react-flow__edge').count();
    const flatten = await editor.canvas.idOfPath('Classifier/Head/flatten');
    const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
    const edge = page.locator(`.react-flow__edge[data-source="${flatten}"][data-target="${fc1}"]`);
    await editor.canvas.clickEdge(edge);
    await expect(edge).toHaveClass(/selected/);
    await editor.shortcut('Delete');
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges - 1);
    await expect(page.getByTestId(`node-diagnostics-${fc1}`)).toContainText('nothing connected');
  });

  test('plain drag to the scope edge shows the Alt hint', async ({ editor, page }) => {
    const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
    const head = await editor.canvas.idOfPath('Classifier/Head');
    await editor.reveal(head);
    const scopeBox = await editor.canvas.box(head);
    const box = await editor.canvas.box(fc1);
    const start = { x: box.x + box.width / 2, y: box.y + 12 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 10, start.y, { steps: 3 });
    await expect(page.getByTestId('drag-hint')).toHaveCount(0);
    await page.mouse.move(scopeBox.x + scopeBox.width + 30, start.y, { steps: 8 });
    await expect(page.getByTestId('drag-hint')).toHaveText('Hold Alt to move it out of the scope');
    await page.mouse.up();
    await expect(page.getByTestId('drag-hint')).toHaveCount(0);
  });

  test('Alt-drag moves a layer out of its scope in place', async ({ editor }) => {
    await editor.canvas.fitAll();
    const loss = await editor.canvas.idOfPath('Classifier/loss');
    const classifier = await editor.canvas.idOfPath('Classifier');
    const outer = await editor.canvas.box(classifier);
    const start = await editor.canvas.box(loss);
    await editor.canvas.dragNodeBy(loss, outer.x + outer.width - start.x + 40, 0, { alt: true });
    await expect(editor.canvas.path(loss)).toHaveText('loss');
    const after = await editor.canvas.box(loss);
    expect(after.x).toBeGreaterThan(outer.x + outer.width);
  });

  test('plain drag moves a layer into a nested scope', async ({ editor }) => {
    const loss = await editor.canvas.idOfPath('Classifier/loss');
    const head = await editor.canvas.idOfPath('Classifier/Head');
    const logits = await editor.canvas.idOfPath('Classifier/Head/logits');
    await editor.reveal(await editor.canvas.idOfPath('Classifier'));
    await editor.canvas.zoomAround([editor.canvas.wrapper(loss), editor.canvas.wrapper(head)]);
    const [from, onto] = await Promise.all([editor.canvas.box(loss), editor.canvas.box(logits)]);
    // Release the pointer over a layer inside Head: the innermost scope under the pointer is Head.
    const grab = { x: from.x + from.width / 2, y: from.y + Math.min(24, from.height / 2) };
    await editor.canvas.dragNodeBy(loss, onto.x + onto.width / 2 - grab.x, onto.y + onto.height / 2 - grab.y);
    await expect(editor.canvas.path(loss)).toHaveText('Classifier/Head/loss');
  });

  test('inspector shows a value inherited from arg_scope', async ({ editor, page }) => {
    const head = await editor.canvas.idOfPath('Classifier/Head');
    const fc1 = await editor.canvas.idOfPath('Classifier/Head/fc1');
    await editor.reveal(head);
    await page.getByTestId('arg-scope-add').click();
    const field = page.locator('#arg-scope-0-param-weightsRegularizer-input');
    await field.fill('l2(0.001)');
    await field.press('Enter');
    await expect(page.getByTestId('arg-scope-0-param-weightsRegularizer-source')).toContainText('set here');

    await editor.reveal(fc1);
    await expect(page.locator('#param-weightsRegularizer-input')).toHaveValue('l2(0.001)');
    await expect(page.getByTestId('param-weightsRegularizer-source')).toHaveText('from arg_scope of Classifier/Head');
    // A value set on the layer overrides the arg_scope.
    await page.locator('#param-weightsRegularizer-input').fill('l1(0.5)');
    await page.locator('#param-weightsRegularizer-input').press('Enter');
    await expect(page.getByTestId('param-weightsRegularizer-source')).toContainText('set here');
  });
});

test.describe('scope resizing', () => {
  test('resizes a selected scope and undoes it in one step', async ({ editor, page }) => {
    await editor.open();
    const head = await editor.canvas.idOfPath('Classifier/Head');
    await editor.reveal(head);
    const before = await editor.canvas.box(head);
    const corner = editor.canvas.wrapper(head).locator('.react-flow__resize-control.handle.bottom.right');
    const box = (await corner.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await editor.canvas.box(head)).width).toBeGreaterThan(before.width + 40);

    await editor.shortcut('Control+z');
    await expect.poll(async () => Math.round((await editor.canvas.box(head)).width)).toBe(Math.round(before.width));
  });
});
