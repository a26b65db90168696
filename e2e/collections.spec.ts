import { getTemplate } from '../src/graph/templates';
import { encodeShareFragment } from '../src/share/link';
import { expect, test } from './fixtures';

// Variables of the default model: conv1 and conv2 in Classifier/Encoder, fc1 and logits in Classifier/Head.
const WEIGHT_LAYERS = ['Classifier/Encoder/conv1', 'Classifier/Encoder/conv2', 'Classifier/Head/fc1', 'Classifier/Head/logits'];

test('arg_scope regularizer fills REGULARIZATION_LOSSES and its curve', async ({ editor, page }) => {
  await editor.open();
  const classifier = await editor.canvas.idOfPath('Classifier');

  await page.getByTestId('panels-tab-collections').click();
  await page.getByTestId('collection-key-select').selectOption('REGULARIZATION_LOSSES');
  await expect(page.getByTestId('collection-count')).toHaveAttribute('data-count', '0');

  // Give Conv2D and Dense layers under Classifier an L2 regularizer on their weights.
  await editor.reveal(classifier);
  await page.getByTestId('arg-scope-add').click();
  const regularizer = page.getByTestId('arg-scope-0-param-weightsRegularizer').locator('input');
  await regularizer.fill('l2_regularizer(0.0005)');
  await regularizer.press('Enter');
  // The inspector shows the TF1 convention's formula, half of the Keras l2.
  await expect(page.getByTestId('arg-scope-0-param-weightsRegularizer-formula')).toHaveText(
    'scale * tf.nn.l2_loss(w) = scale * sum(w²) / 2',
  );

  await expect(page.getByTestId('collection-count')).toHaveAttribute('data-count', String(WEIGHT_LAYERS.length));
  for (const layer of WEIGHT_LAYERS) {
    await expect(page.getByTestId(`collection-item-${layer}/weights/Regularizer/l2_regularizer`)).toBeVisible();
  }

  // get_collection(key, scope) matches the scope from the start of each name.
  await page.getByTestId('collection-scope-input').fill('Classifier/Encoder');
  await expect(page.getByTestId('collection-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId('collection-scope-input').fill('Classifier/(Encoder');
  await expect(page.getByTestId('collection-scope-error')).toContainText('"Classifier/(Encoder"');
  await page.getByTestId('collection-scope-input').fill('');

  // Clicking an item selects its layer on the canvas.
  const conv2 = await editor.canvas.idOfPath('Classifier/Encoder/conv2');
  await page.getByTestId('collection-item-Classifier/Encoder/conv2/weights/Regularizer/l2_regularizer').click();
  await expect(editor.canvas.wrapper(conv2)).toHaveClass(/selected/);

  // Train two quick steps on the CPU and see the regularization term as its own curve.
  await editor.canvas.clickEmpty();
  await page.getByTestId('training-batchSize').fill('8');
  await page.getByTestId('training-batchSize').press('Enter');
  await page.getByTestId('backend-select').selectOption('cpu');
  await page.getByTestId('max-steps-input').fill('2');
  await page.getByTestId('test-examples-input').fill('50');
  await page.getByTestId('panels-tab-summaries').click();
  await page.getByTestId('train-button').click();

  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  const curve = page.getByTestId('loss-curve-regularization_loss');
  await expect(curve).toHaveAttribute('data-points', '2');
  await expect(curve).toHaveAttribute('data-last-step', '2');
  await expect(page.getByTestId('loss-curve-total_loss')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('loss-curve-Classifier/loss')).toHaveAttribute('data-points', '2');
});

test('analyzer lists analyze_vars with totals', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('panels-tab-analyzer').click();

  // 3·3·1·16+16 + 3·3·16·32+32 + 1568·128+128 + 128·10+10 parameters.
  const total = page.getByTestId('analyzer-total');
  await expect(total).toHaveAttribute('data-size', '206922');
  await expect(total).toHaveAttribute('data-bytes', String(206922 * 4));
  await expect(page.getByTestId('analyzer-row-Classifier/Encoder/conv1/weights:0')).toContainText('(float32_ref 3x3x1x16)');
  await expect(page.getByTestId('analyzer-subtotal-Classifier/Encoder')).toHaveAttribute('data-size', '4800');
  await expect(page.getByTestId('training-memory')).toHaveAttribute('data-fits', 'true');

  await page.getByTestId('analyzer-scope-input').fill('Classifier/Head');
  await expect(total).toHaveAttribute('data-size', String(200832 + 1290));
  await page.getByTestId('analyzer-collection-select').selectOption('BIASES');
  await expect(total).toHaveAttribute('data-size', '138');
});

test('collapsed scope shows a live sparkline', async ({ editor, page }) => {
  await editor.open();
  const encoder = await editor.canvas.idOfPath('Classifier/Encoder');
  await page.getByTestId(`scope-toggle-${encoder}`).click();
  // The Encoder has no scalar, so its sparkline follows the spread of conv1's weights.
  const sparkline = page.getByTestId('scope-sparkline-Classifier/Encoder');
  await expect(sparkline).toHaveAttribute('data-tag', 'Classifier/Encoder/conv1/weights');
  await expect(sparkline).toHaveAttribute('data-points', '0');

  await editor.canvas.clickEmpty();
  await page.getByTestId('training-batchSize').fill('8');
  await page.getByTestId('training-batchSize').press('Enter');
  await page.getByTestId('training-summaryEvery').fill('1');
  await page.getByTestId('training-summaryEvery').press('Enter');
  await page.getByTestId('backend-select').selectOption('cpu');
  await page.getByTestId('max-steps-input').fill('3');
  await page.getByTestId('test-examples-input').fill('50');
  await page.getByTestId('train-button').click();

  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await expect(sparkline).toHaveAttribute('data-points', '3');
});

test('VGG16 is analysed but not trained', async ({ page }) => {
  const link = encodeShareFragment(getTemplate('vgg16'));
  if (!link.ok) throw new Error(link.error.message);
  await page.goto(`/#${link.value}`);
  await expect(page.getByTestId('document-title')).toHaveText('vgg_16');

  await expect(page.getByTestId('train-button')).toBeDisabled();
  await expect(page.getByTestId('train-disabled-reason')).toContainText('GiB');

  await page.getByTestId('panels-tab-analyzer').click();
  await expect(page.getByTestId('training-memory')).toHaveAttribute('data-fits', 'false');
  // Keras Applications' VGG16 total; TF-Slim's fc6-fc8 as convolutions have the same parameters.
  await expect(page.getByTestId('analyzer-total')).toHaveAttribute('data-size', '138357544');
  await expect(page.getByTestId('analyzer-total')).toHaveAttribute('data-bytes', '553430176');
  await expect(page.getByTestId('analyzer-subtotal-vgg_16/fc6')).toHaveAttribute('data-size', '102764544');
});

test('image summary shows the latest batch', async ({ page }) => {
  // The default model plus a top-level `tf.summary.image` of the MNIST input, opened as a shared link.
  const doc = getTemplate('default');
  const mnist = doc.nodes.find((node) => node.name === 'mnist')!;
  doc.nodes.push({ id: 'input_images', name: 'input_images', kind: 'layer', type: 'ImageSummary', params: {}, position: { x: 0, y: 400 } });
  doc.edges.push({ id: 'mnist-images', source: mnist.id, sourceHandle: 'images', target: 'input_images', targetHandle: 'input' });
  doc.training = { ...doc.training, batchSize: 8, summaryEvery: 1 };
  const link = encodeShareFragment(doc);
  if (!link.ok) throw new Error(link.error.message);
  await page.goto(`/#${link.value}`);

  const image = page.getByTestId('summary-panel-(root)').getByTestId('image-input_images');
  await expect(image).toHaveAttribute('data-step', '');
  await page.getByTestId('backend-select').selectOption('cpu');
  await page.getByTestId('max-steps-input').fill('2');
  await page.getByTestId('test-examples-input').fill('50');
  await page.getByTestId('train-button').click();

  await expect(page.getByTestId('train-phase')).toHaveAttribute('data-phase', 'done', { timeout: 90_000 });
  await expect(image).toHaveAttribute('data-step', '2');
  await expect(image).toHaveAttribute('data-size', '28x28');
});
