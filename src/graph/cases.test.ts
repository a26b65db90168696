import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { DocumentBuilder } from './builder';
import { uniquifyNames, validateRename } from './naming';
import { isProblem, parseRegularizer } from './regularizers';
import { getTemplate } from './templates';
import { errorsBesidesNoLoss, nodeByPath, variable, variableNames } from './testing';

describe('R1 Keras simple MNIST convnet', () => {
  const doc = new DocumentBuilder('R1')
    .add((b) => {
      b.layer('Input', 'input', { shape: [28, 28, 1] });
      b.layer('Conv2D', 'conv1', { filters: 32, kernelSize: [3, 3], padding: 'valid', activation: 'relu' });
      b.layer('MaxPool2D', 'pool1', { poolSize: [2, 2] });
      b.layer('Conv2D', 'conv2', { filters: 64, kernelSize: [3, 3], padding: 'valid', activation: 'relu' });
      b.layer('MaxPool2D', 'pool2', { poolSize: [2, 2] });
      b.layer('Flatten', 'flatten');
      b.layer('Dropout', 'dropout', { rate: 0.5 });
      b.layer('Dense', 'dense', { units: 10, activation: 'softmax' });
      b.layer('Input', 'labels', { shape: [10] });
      b.layer('SoftmaxCrossEntropy', 'loss');
    })
    .chain('input', 'conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'dropout', 'dense', 'loss:logits')
    .chain('labels', 'loss:labels')
    .build();
  const analysis = analyze(doc);

  it('analyzes without diagnostics', () => {
    expect(analysis.diagnostics).toEqual([]);
  });

  it('output shapes', () => {
    const shapes = ['conv1', 'pool1', 'conv2', 'pool2', 'flatten', 'dense'].map((path) => nodeByPath(analysis, path).outputs.output);
    expect(shapes).toEqual([[26, 26, 32], [13, 13, 32], [11, 11, 64], [5, 5, 64], [1600], [10]]);
  });

  it('parameter counts', () => {
    expect(nodeByPath(analysis, 'conv1').paramCount).toBe(320);
    expect(nodeByPath(analysis, 'conv2').paramCount).toBe(18_496);
    expect(nodeByPath(analysis, 'dense').paramCount).toBe(16_010);
    expect(analysis.variables.reduce((sum, item) => sum + item.size, 0)).toBe(34_826);
  });
});

describe('R2 VGG16 as in Keras Applications', () => {
  const builder = new DocumentBuilder('R2');
  const chain = [builder.layer('Input', 'input', { shape: [224, 224, 3] })];
  [2, 2, 3, 3, 3].forEach((repeats, index) => {
    const filters = [64, 128, 256, 512, 512][index];
    for (let layer = 1; layer <= repeats; layer += 1) {
      chain.push(builder.layer('Conv2D', `block${index + 1}_conv${layer}`, { filters, kernelSize: [3, 3], padding: 'same' }));
    }
    chain.push(builder.layer('MaxPool2D', `block${index + 1}_pool`));
  });
  chain.push(builder.layer('Flatten', 'flatten'));
  chain.push(builder.layer('Dense', 'fc1', { units: 4096 }));
  chain.push(builder.layer('Dense', 'fc2', { units: 4096 }));
  chain.push(builder.layer('Dense', 'predictions', { units: 1000, activation: 'softmax' }));
  builder.chain(...chain);
  const analysis = analyze(builder.build());

  it('per-layer parameter counts', () => {
    const expected: Record<string, number> = {
      block1_conv1: 1_792,
      block1_conv2: 36_928,
      block2_conv1: 73_856,
      block3_conv1: 295_168,
      block4_conv1: 1_180_160,
      block5_conv1: 2_359_808,
      fc1: 102_764_544,
      fc2: 16_781_312,
      predictions: 4_097_000,
    };
    for (const [path, count] of Object.entries(expected)) expect(nodeByPath(analysis, path).paramCount, path).toBe(count);
  });

  it('flatten size, total and bytes', () => {
    expect(nodeByPath(analysis, 'flatten').outputs.output).toEqual([25_088]);
    expect(analysis.variables.reduce((sum, item) => sum + item.size, 0)).toBe(138_357_544);
    expect(analysis.variables.reduce((sum, item) => sum + item.bytes, 0)).toBe(553_430_176);
  });

  it('only the missing loss is reported', () => {
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
  });
});

describe('N1 duplicate layer names', () => {
  const builder = new DocumentBuilder('N1');
  builder.layer('Input', 'x', { shape: [4] });
  const model = builder.scope('model');
  const first = builder.layer('Dense', 'fc1', { units: 3 }, { parent: model });
  const second = builder.layer('Dense', 'fc1', { units: 2 }, { parent: model });
  builder.chain('x', first, second);
  const doc = builder.build();

  it('analysis reports the duplicate and refuses training', () => {
    const analysis = analyze(doc);
    const duplicate = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-name');
    expect(duplicate?.nodeId).toBe(second);
    expect(duplicate?.message).toContain('"fc1" is already used in scope model');
    expect(duplicate?.values.suggestion).toBe('fc1_1');
    expect(analysis.trainable).toBe(false);
  });

  it('validateRename rejects a taken name', () => {
    const other = new DocumentBuilder('N1 rename')
      .add((b) => {
        b.layer('Dense', 'fc1');
        b.layer('Dense', 'fc2');
      })
      .build();
    const diagnostic = validateRename(other, other.nodes[1].id, 'fc1');
    expect(diagnostic?.code).toBe('duplicate-name');
    expect(validateRename(other, other.nodes[1].id, 'fc3')).toBeNull();
  });

  it('uniquifyNames makes names unique before compiling', () => {
    const fixed = uniquifyNames(doc);
    expect(fixed.nodes.map((node) => node.name)).toEqual(['x', 'model', 'fc1', 'fc1_1']);
    expect(doc.nodes[3].name).toBe('fc1');
    const analysis = analyze({ ...fixed, nodes: fixed.nodes });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-name')).toEqual([]);
    expect(variableNames(analysis)).toEqual(['model/fc1/weights:0', 'model/fc1/biases:0', 'model/fc1_1/weights:0', 'model/fc1_1/biases:0']);
  });

  it('a second build of the same model gets the same names', () => {
    const first = variableNames(analyze(getTemplate('default')));
    const second = variableNames(analyze(getTemplate('default')));
    expect(second).toEqual(first);
    expect(second.some((name) => /_1\//.test(name))).toBe(false);
  });
});

describe('N2 name_scope vs variable_scope', () => {
  const doc = new DocumentBuilder('N2')
    .add((b) => {
      b.layer('MnistInput', 'mnist');
      b.scope('tower', { kind: 'name_scope' }, (scope) => {
        scope.layer('Flatten', 'flatten');
        scope.layer('Dense', 'logits', { units: 10, activation: 'linear' });
        scope.layer('HistogramSummary', 'activations');
        scope.layer('SoftmaxCrossEntropy', 'loss');
      });
    })
    .chain('mnist:images', 'tower/flatten', 'tower/logits', 'tower/loss:logits')
    .chain('mnist:labels', 'tower/loss:labels')
    .chain('tower/logits', 'tower/activations')
    .build();
  const analysis = analyze(doc);

  it('variable names ignore the name_scope', () => {
    expect(analysis.diagnostics).toEqual([]);
    expect(variableNames(analysis)).toEqual(['logits/weights:0', 'logits/biases:0']);
  });

  it('op paths, summary and loss tags carry it', () => {
    expect(nodeByPath(analysis, 'tower/logits').variablePath).toBe('logits');
    expect(analysis.collections.LOSSES.map((item) => item.name)).toEqual(['tower/loss']);
    const explicit = analysis.summaries.filter((summary) => !summary.builtin).map((summary) => summary.tag);
    expect(explicit).toEqual(['tower/activations']);
    expect(analysis.collections.SUMMARIES.map((item) => item.name)).toEqual(['tower/activations']);
  });
});

describe('N3 re-entered scope names', () => {
  function build(first: false | true | 'auto', second: false | true | 'auto') {
    const builder = new DocumentBuilder('N3');
    builder.layer('Input', 'x', { shape: [8, 8, 1] });
    let conv1 = '';
    let conv2 = '';
    builder.scope('test', { reuse: first }, (scope) => (conv1 = scope.layer('Conv2D', 'conv1', { filters: 4 })));
    builder.scope('test', { reuse: second }, (scope) => (conv2 = scope.layer('Conv2D', 'conv1', { filters: 4 })));
    builder.edge('x', conv1);
    builder.edge('x', conv2);
    return builder.build();
  }

  it('op paths test and test_1, variables keep test/', () => {
    const analysis = analyze(build(false, true));
    expect(nodeByPath(analysis, 'test/conv1').variablePath).toBe('test/conv1');
    expect(nodeByPath(analysis, 'test_1/conv1').variablePath).toBe('test/conv1');
    expect(variableNames(analysis)).toEqual(['test/conv1/weights:0', 'test/conv1/biases:0']);
  });

  it('without reuse the second scope fails as in TF', () => {
    const analysis = analyze(build(false, false));
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'variable-exists');
    expect(error?.message).toContain('Variable test/conv1/weights already exists, disallowed. Did you mean to set reuse=True in VarScope?');
    expect(error?.nodeId).toBe(nodeByPath(analysis, 'test_1/conv1').id);
    expect(analysis.trainable).toBe(false);
  });

  it('with reuse the layers share one set of variables', () => {
    const analysis = analyze(build(false, true));
    const owner = nodeByPath(analysis, 'test/conv1');
    const sharer = nodeByPath(analysis, 'test_1/conv1');
    expect(sharer.sharesWith).toBe(owner.id);
    expect(sharer.variables).toEqual(owner.variables);
    expect(variable(analysis, 'test/conv1/weights:0').sharedBy).toEqual([sharer.id]);
    expect(sharer.paramCount).toBe(0);
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
  });

  it('auto reuse creates once, then shares', () => {
    const analysis = analyze(build('auto', 'auto'));
    expect(variableNames(analysis)).toEqual(['test/conv1/weights:0', 'test/conv1/biases:0']);
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
  });

  it('reuse=True before creation fails as in TF', () => {
    const analysis = analyze(build(true, true));
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'variable-not-found');
    expect(error?.message).toContain('Variable test/conv1/weights does not exist');
    expect(error?.nodeId).toBe(nodeByPath(analysis, 'test/conv1').id);
  });
});

describe('N4 summaries with one name in two scopes', () => {
  const doc = new DocumentBuilder('N4')
    .add((b) => {
      b.layer('Input', 'x', { shape: [4] });
      b.scope('layer1', {}, (scope) => {
        scope.layer('Dense', 'fc', { units: 3 });
        scope.layer('HistogramSummary', 'weights', { variable: 'layer1/fc/weights:0' });
      });
      b.scope('layer2', {}, (scope) => {
        scope.layer('Dense', 'fc', { units: 2 });
        scope.layer('HistogramSummary', 'weights', { variable: 'layer2/fc/weights' });
      });
    })
    .chain('x', 'layer1/fc', 'layer2/fc')
    .build();
  const analysis = analyze(doc);

  it('two tags without a clash', () => {
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
    const explicit = analysis.summaries.filter((summary) => !summary.builtin);
    expect(explicit.map((summary) => [summary.tag, summary.scopePath, summary.variable])).toEqual([
      ['layer1/weights', 'layer1', 'layer1/fc/weights:0'],
      ['layer2/weights', 'layer2', 'layer2/fc/weights:0'],
    ]);
  });

  it('all summary tags are unique', () => {
    const tags = analysis.summaries.map((summary) => summary.tag);
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('T7 shared Dense at graph level', () => {
  const builder = new DocumentBuilder('T7');
  builder.layer('Input', 'a', { shape: [3] });
  builder.layer('Input', 'b', { shape: [3] });
  const firstScope = builder.scope('shared');
  builder.edge('a', builder.layer('Dense', 'fc', { units: 1, activation: 'linear' }, { parent: firstScope }));
  const secondScope = builder.scope('shared', { reuse: true });
  builder.edge('b', builder.layer('Dense', 'fc', { units: 1, activation: 'linear' }, { parent: secondScope }));
  const doc = builder.build();
  const analysis = analyze(doc);

  it('two variables, not four', () => {
    expect(variableNames(analysis)).toEqual(['shared/fc/weights:0', 'shared/fc/biases:0']);
    expect(analysis.collections.TRAINABLE_VARIABLES).toHaveLength(2);
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
  });

  it('both layers list the shared variables', () => {
    expect(nodeByPath(analysis, 'shared/fc').variables).toEqual(nodeByPath(analysis, 'shared_1/fc').variables);
  });
});

describe('T8 regularizer', () => {
  function build(regularizer: string) {
    return new DocumentBuilder('T8')
      .add((b) => {
        b.layer('Input', 'x', { shape: [1] });
        b.layer('Input', 'y', { shape: [1] });
        b.layer('Dense', 'fc', { units: 1, activation: 'linear', useBias: false, weightsInitializer: 'constant(2)', weightsRegularizer: regularizer });
        b.layer('MeanSquaredError', 'loss');
      })
      .chain('x', 'fc', 'loss:predictions')
      .chain('y', 'loss:labels')
      .build();
  }

  it('one REGULARIZATION_LOSSES entry', () => {
    const analysis = analyze(build('l2(0.01)'));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.collections.REGULARIZATION_LOSSES.map((item) => item.name)).toEqual(['fc/weights/Regularizer/l2']);
    expect(analysis.collections.LOSSES.map((item) => item.name)).toEqual(['loss']);
  });

  it('the parsed l2 gives 0.04 for a kernel of 2', () => {
    const parsed = parseRegularizer('l2(0.01)', { node: 'fc', param: 'weightsRegularizer' });
    if (isProblem(parsed)) throw new Error(parsed.message);
    const kernel = 2;
    expect(parsed.l1 * Math.abs(kernel) + parsed.l2 * kernel * kernel).toBeCloseTo(0.04, 12);
  });

  it('a malformed regularizer is rejected, not ignored', () => {
    for (const text of ['l2(abc)', 'l3(0.01)', 'l2(0.01', 'l2(-1)', 'l2_regularizer', '']) {
      const analysis = analyze(build(text));
      const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'invalid-param');
      expect(error, text).toBeDefined();
      expect(error?.values.param, text).toBe('weightsRegularizer');
      expect(analysis.trainable, text).toBe(false);
    }
  });
});
