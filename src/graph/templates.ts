/**
 * Built-in documents: the default MNIST classifier and TF-Slim's VGG-16 and VGG-19 (`nets/vgg.py`,
 * with fc6–fc8 as convolutions, as TF-Slim builds them). Each call returns a fresh document.
 */
import { DocumentBuilder } from './builder';
import type { ModelDocument } from './types';

export const TEMPLATE_NAMES = ['default', 'vgg16', 'vgg19'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** Returns a new copy of the named template, or undefined for an unknown name. */
export function getTemplate(name: TemplateName): ModelDocument;
export function getTemplate(name: string): ModelDocument | undefined;
export function getTemplate(name: string): ModelDocument | undefined {
  switch (name) {
    case 'default':
      return mnistClassifier();
    case 'vgg16':
      return vgg('vgg_16', [2, 2, 3, 3, 3]);
    case 'vgg19':
      return vgg('vgg_19', [2, 2, 4, 4, 4]);
    default:
      return undefined;
  }
}

/**
 * `mnist` feeds `Classifier/Encoder` (two conv + pool blocks) and `Classifier/Head` (flatten, fc1,
 * logits); a softmax cross-entropy `Classifier/loss` compares the logits with the MNIST labels.
 */
function mnistClassifier(): ModelDocument {
  const builder = new DocumentBuilder('MNIST classifier');
  builder.layer('MnistInput', 'mnist');
  builder.scope('Classifier', { position: { x: 240, y: 20 } }, (classifier) => {
    classifier.scope('Encoder', { position: { x: 20, y: 44 } }, (encoder) => {
      encoder.layer('Conv2D', 'conv1', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' });
      encoder.layer('MaxPool2D', 'pool1', { poolSize: [2, 2], strides: [2, 2] });
      encoder.layer('Conv2D', 'conv2', { filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' });
      encoder.layer('MaxPool2D', 'pool2', { poolSize: [2, 2], strides: [2, 2] });
    });
    classifier.scope('Head', { position: { x: 264, y: 44 } }, (head) => {
      head.layer('Flatten', 'flatten');
      head.layer('Dense', 'fc1', { units: 128, activation: 'relu' });
      head.layer('Dense', 'logits', { units: 10, activation: 'linear' });
    });
    classifier.layer('SoftmaxCrossEntropy', 'loss', {}, { position: { x: 508, y: 44 } });
  });

  builder.chain(
    'mnist:images',
    'Classifier/Encoder/conv1',
    'Classifier/Encoder/pool1',
    'Classifier/Encoder/conv2',
    'Classifier/Encoder/pool2',
    'Classifier/Head/flatten',
    'Classifier/Head/fc1',
    'Classifier/Head/logits',
    'Classifier/loss:logits',
  );
  builder.edge('mnist:labels', 'Classifier/loss:labels');
  return builder.build();
}

const VGG_FILTERS = [64, 128, 256, 512, 512];

/**
 * TF-Slim's `vgg_16` / `vgg_19` on 224×224×3 images and 1000 classes, with `vgg_arg_scope`
 * (relu, `l2_regularizer(0.0005)`, zero biases, SAME padding) as an arg_scope on the top scope.
 * `slim.repeat` names the convolutions `conv1/conv1_1`, `conv1/conv1_2`, ….
 */
function vgg(scopeName: 'vgg_16' | 'vgg_19', blocks: number[]): ModelDocument {
  const builder = new DocumentBuilder(scopeName).training({ batchSize: 32 });
  const chain: string[] = [];
  builder.layer('Input', 'images', { shape: [224, 224, 3] });
  builder.layer('Input', 'labels', { shape: [1000] });

  builder.scope(
    scopeName,
    {
      argScope: [
        {
          layerTypes: ['Conv2D', 'Dense'],
          params: { activation: 'relu', weightsRegularizer: 'l2_regularizer(0.0005)', biasesInitializer: 'zeros' },
        },
        { layerTypes: ['Conv2D'], params: { padding: 'same' } },
      ],
    },
    (net) => {
      blocks.forEach((repeats, index) => {
        const block = `conv${index + 1}`;
        net.scope(block, {}, (scope) => {
          for (let layer = 1; layer <= repeats; layer += 1) {
            chain.push(scope.layer('Conv2D', `${block}_${layer}`, { filters: VGG_FILTERS[index], kernelSize: [3, 3] }));
          }
        });
        chain.push(net.layer('MaxPool2D', `pool${index + 1}`, { poolSize: [2, 2], strides: [2, 2] }));
      });
      chain.push(net.layer('Conv2D', 'fc6', { filters: 4096, kernelSize: [7, 7], padding: 'valid' }));
      chain.push(net.layer('Dropout', 'dropout6', { rate: 0.5 }));
      chain.push(net.layer('Conv2D', 'fc7', { filters: 4096, kernelSize: [1, 1] }));
      chain.push(net.layer('Dropout', 'dropout7', { rate: 0.5 }));
      chain.push(net.layer('Conv2D', 'fc8', { filters: 1000, kernelSize: [1, 1], activation: 'linear' }));
      // TF-Slim squeezes the 1×1 spatial dimensions (`fc8/squeezed`); a Flatten does the same here.
      chain.push(net.layer('Flatten', 'squeezed'));
      net.layer('SoftmaxCrossEntropy', 'loss');
    },
  );

  builder.chain('images', ...chain, `${scopeName}/loss:logits`);
  builder.edge('labels', `${scopeName}/loss:labels`);
  return builder.build();
}
