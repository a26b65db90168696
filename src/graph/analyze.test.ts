import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { analyze } from './analyze';
import { DocumentBuilder } from './builder';
import { getTemplate } from './templates';
import { diagnosticCodes, errorsBesidesNoLoss, nodeByPath, variable, variableNames } from './testing';
import type { ModelDocument } from './types';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

describe('analyze purity', () => {
  it('never mutates its input document', () => {
    const doc = getTemplate('vgg16');
    const copy = structuredClone(doc);
    deepFreeze(doc);
    expect(() => analyze(doc)).not.toThrow();
    expect(doc).toEqual(copy);
  });

  it('reuses the analysis after a layout-only change', () => {
    const doc = getTemplate('default');
    const moved: ModelDocument = {
      ...doc,
      title: 'moved',
      nodes: doc.nodes.map((node) => (node.kind === 'scope' ? { ...node, position: { x: 1, y: 2 }, size: { width: 999, height: 999 }, collapsed: true } : { ...node, position: { x: 5, y: 5 } })),
    };
    expect(analyze(moved)).toBe(analyze(doc));
  });

  it('recomputes after a rename or parameter change', () => {
    const doc = getTemplate('default');
    const before = analyze(doc);
    const renamed: ModelDocument = { ...doc, nodes: doc.nodes.map((node) => (node.name === 'fc1' ? { ...node, name: 'hidden' } : node)) };
    expect(analyze(renamed)).not.toBe(before);
    expect(analyze(renamed).variables.map((item) => item.name)).toContain('Classifier/Head/hidden/weights:0');

    const widened: ModelDocument = {
      ...doc,
      nodes: doc.nodes.map((node) => (node.kind === 'layer' && node.name === 'fc1' ? { ...node, params: { ...node.params, units: 64 } } : node)),
    };
    expect(analyze(widened).variables.find((item) => item.name === 'Classifier/Head/fc1/biases:0')?.shape).toEqual([64]);

    const rewired: ModelDocument = { ...doc, edges: doc.edges.map((edge, index) => (index === 0 ? { ...edge, sourceHandle: 'labels' } : edge)) };
    expect(analyze(rewired).trainable).toBe(false);
  });

  it('returns the cached analysis for the same document', () => {
    const doc = getTemplate('default');
    expect(analyze(doc)).toBe(analyze(doc));
    expect(analyze(structuredClone(doc))).toEqual(analyze(doc));
  });
});

describe('arg_scope', () => {
  const builder = new DocumentBuilder('arg_scope');
  builder.layer('Input', 'x', { shape: [4] });
  let fc = '';
  let outer = '';
  let inner = '';
  outer = builder.scope('outer', { argScope: [{ layerTypes: ['Dense'], params: { activation: 'tanh', weightsRegularizer: 'l2(0.1)', units: 7 } }] }, (o) => {
    inner = o.scope('inner', { kind: 'name_scope', argScope: [{ layerTypes: ['Dense', 'Conv2D'], params: { activation: 'elu' } }] }, (i) => {
      fc = i.layer('Dense', 'fc', { useBias: false });
    });
  });
  builder.edge('x', fc);
  const analysis = analyze(builder.build());
  const params = analysis.nodes[fc].params;

  it('inner scopes override outer ones', () => {
    expect(params.activation).toEqual({ value: 'elu', source: { from: 'arg_scope', scopeId: inner, scopePath: 'outer/inner' } });
  });

  it('outer values reach nested layers', () => {
    expect(params.weightsRegularizer).toEqual({ value: 'l2(0.1)', source: { from: 'arg_scope', scopeId: outer, scopePath: 'outer' } });
    expect(analysis.nodes[fc].outputs.output).toEqual([7]);
  });

  it('node values override both', () => {
    expect(params.useBias).toEqual({ value: false, source: { from: 'node' } });
    expect(params.padding).toBeUndefined();
    expect(params.weightsInitializer).toEqual({ value: 'xavier_uniform', source: { from: 'default' } });
  });

  it('regularizer from arg_scope adds a loss', () => {
    expect(analysis.collections.REGULARIZATION_LOSSES.map((item) => item.name)).toEqual(['outer/fc/weights/Regularizer/l2']);
    expect(variableNames(analysis)).toEqual(['outer/fc/weights:0']);
  });

  it('a parameter the layer type lacks is an error', () => {
    const bad = new DocumentBuilder('bad arg_scope');
    bad.scope('s', { argScope: [{ layerTypes: ['Dense'], params: { padding: 'valid' } }] }, (s) => s.layer('Dense', 'fc'));
    const result = analyze(bad.build());
    const error = result.diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.argScope.unknownParam');
    expect(error?.severity).toBe('error');
    expect(error?.message).toContain('sets padding for Dense');
  });
});

describe('endpoints', () => {
  function convDoc(params: Record<string, string>) {
    const builder = new DocumentBuilder('endpoints');
    builder.layer('Input', 'x', { shape: [8, 8, 3] });
    builder.layer('Conv2D', 'conv1', { filters: 4, ...params });
    builder.layer('HistogramSummary', 'pre');
    builder.chain('x', 'conv1');
    return builder;
  }

  it('fused activation exposes preactivation', () => {
    const analysis = analyze(convDoc({ activation: 'relu' }).build());
    expect(Object.keys(nodeByPath(analysis, 'conv1').outputs)).toEqual(['output', 'preactivation']);
  });

  it('linear activation exposes only output', () => {
    const analysis = analyze(convDoc({ activation: 'linear' }).build());
    expect(Object.keys(nodeByPath(analysis, 'conv1').outputs)).toEqual(['output']);
  });

  it('normalizer exposes batchnorm', () => {
    const analysis = analyze(convDoc({ normalizer: 'batch_norm' }).build());
    expect(nodeByPath(analysis, 'conv1').outputs).toEqual({ output: [8, 8, 4], preactivation: [8, 8, 4], batchnorm: [8, 8, 4] });
  });

  it('an endpoint feeds a summary and its shape flows', () => {
    const builder = convDoc({ activation: 'relu' });
    const edge = builder.edge('conv1:preactivation', 'pre');
    const analysis = analyze(builder.build());
    expect(analysis.edgeShapes[edge]).toEqual([8, 8, 4]);
    const summary = analysis.summaries.find((item) => item.tag === 'pre');
    expect(summary?.source).toEqual({ nodeId: nodeByPath(analysis, 'conv1').id, endpoint: 'preactivation' });
  });

  it('a missing endpoint is a bad edge', () => {
    const builder = convDoc({ activation: 'linear' });
    builder.edge('conv1:preactivation', 'pre');
    const analysis = analyze(builder.build());
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'bad-edge');
    expect(error?.message).toBe('conv1 has no endpoint "preactivation". Its endpoints are: output.');
  });
});

describe('batch norm', () => {
  const builder = new DocumentBuilder('bn').collections('batch_norm');
  builder.layer('Input', 'x', { shape: [8, 8, 3] });
  builder.layer('Conv2D', 'conv1', { filters: 4, normalizer: 'batch_norm', normalizerCollections: 'batch_norm', variablesCollections: 'conv_vars' });
  builder.layer('BatchNorm', 'bn', { scale: true });
  builder.chain('x', 'conv1', 'bn');
  const analysis = analyze(builder.build());

  it('fused normalizer replaces biases with TF-Slim names', () => {
    expect(nodeByPath(analysis, 'conv1').variables).toEqual([
      'conv1/weights:0',
      'conv1/BatchNorm/beta:0',
      'conv1/BatchNorm/moving_mean:0',
      'conv1/BatchNorm/moving_variance:0',
    ]);
  });

  it('standalone batch norm is its own scope', () => {
    expect(nodeByPath(analysis, 'bn').variables).toEqual(['bn/beta:0', 'bn/gamma:0', 'bn/moving_mean:0', 'bn/moving_variance:0']);
  });

  it('moving statistics are non-trainable moving averages', () => {
    const moving = variable(analysis, 'conv1/BatchNorm/moving_mean:0');
    expect(moving.trainable).toBe(false);
    expect(moving.collections).toEqual(['GLOBAL_VARIABLES', 'MODEL_VARIABLES', 'MOVING_AVERAGE_VARIABLES', 'batch_norm']);
    expect(analysis.collections.MOVING_AVERAGE_VARIABLES.map((item) => item.name)).toEqual([
      'conv1/BatchNorm/moving_mean:0',
      'conv1/BatchNorm/moving_variance:0',
      'bn/moving_mean:0',
      'bn/moving_variance:0',
    ]);
    expect(analysis.collections.TRAINABLE_VARIABLES.map((item) => item.name)).toEqual(['conv1/weights:0', 'conv1/BatchNorm/beta:0', 'bn/beta:0', 'bn/gamma:0']);
  });

  it('update ops', () => {
    expect(analysis.collections.UPDATE_OPS.map((item) => item.name)).toEqual([
      'conv1/BatchNorm/AssignMovingAvg',
      'conv1/BatchNorm/AssignMovingAvg_1',
      'bn/AssignMovingAvg',
      'bn/AssignMovingAvg_1',
    ]);
  });

  it('user collections split between layer and normalizer', () => {
    expect(analysis.collections.batch_norm.map((item) => item.name)).toEqual([
      'conv1/BatchNorm/beta:0',
      'conv1/BatchNorm/moving_mean:0',
      'conv1/BatchNorm/moving_variance:0',
    ]);
    expect(analysis.collections.conv_vars.map((item) => item.name)).toEqual(['conv1/weights:0']);
  });
});

describe('SimpleRNN', () => {
  it('BasicRNNCell kernel and bias', () => {
    const builder = new DocumentBuilder('rnn');
    builder.layer('Input', 'x', { shape: [5, 3] });
    builder.layer('SimpleRNN', 'rnn', { units: 8, returnSequences: false });
    builder.chain('x', 'rnn');
    const analysis = analyze(builder.build());
    const rnn = nodeByPath(analysis, 'rnn');
    expect(rnn.outputs).toEqual({ output: [8], state: [8] });
    expect(analysis.variables.map((item) => [item.name, item.shape])).toEqual([
      ['rnn/basic_rnn_cell/kernel:0', [11, 8]],
      ['rnn/basic_rnn_cell/bias:0', [8]],
    ]);
    expect(analysis.collections.MODEL_VARIABLES).toEqual([]);
  });
});

describe('shape diagnostics', () => {
  it('name the node, expected and actual shape', () => {
    const builder = new DocumentBuilder('shapes');
    builder.layer('Input', 'x', { shape: [784] });
    builder.scope('Encoder', {}, (scope) => scope.layer('Conv2D', 'conv1'));
    builder.chain('x', 'Encoder/conv1');
    const analysis = analyze(builder.build());
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'shape-mismatch');
    expect(error?.nodeId).toBe(nodeByPath(analysis, 'Encoder/conv1').id);
    expect(error?.values).toMatchObject({ node: 'Encoder/conv1', expected: '[height, width, channels]', actual: '[784]' });
    expect(error?.message).toContain('Conv2D Encoder/conv1: input "input" has shape [784], expected [height, width, channels].');
    expect(analysis.trainable).toBe(false);
  });

  it('losses compare logits and labels', () => {
    const builder = new DocumentBuilder('loss shapes');
    builder.layer('MnistInput', 'mnist');
    builder.layer('Flatten', 'flatten');
    builder.layer('Dense', 'logits', { units: 12, activation: 'linear' });
    builder.layer('SoftmaxCrossEntropy', 'loss');
    builder.chain('mnist:images', 'flatten', 'logits', 'loss:logits');
    builder.edge('mnist:labels', 'loss:labels');
    const analysis = analyze(builder.build());
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'shape-mismatch');
    expect(error?.values).toMatchObject({ input: 'labels', other: 'logits', expected: '[12]', actual: '[10]', units: 10 });
    expect(error?.message).toBe(
      'SoftmaxCrossEntropy loss: logits has shape [12] but labels has shape [10], and the two must match. Make the layer that feeds logits output shape [10] (for Dense, set units to 10), or connect labels values of shape [12].',
    );
    expect(translate('ko', error!.messageKey, error!.values)).toContain('logits의 shape는 [12]이고 labels의 shape는 [10]입니다');
  });

  it('sparse labels need class ids', () => {
    const builder = new DocumentBuilder('sparse');
    builder.layer('MnistInput', 'mnist', { labels: 'sparse' });
    builder.layer('Flatten', 'flatten');
    builder.layer('Dense', 'logits', { units: 10, activation: 'linear' });
    builder.layer('SparseSoftmaxCrossEntropy', 'loss');
    builder.chain('mnist:images', 'flatten', 'logits', 'loss:logits');
    builder.edge('mnist:labels', 'loss:labels');
    expect(analyze(builder.build()).diagnostics).toEqual([]);
  });

  it('an Input may be a scalar class id', () => {
    const builder = new DocumentBuilder('scalar labels');
    builder.layer('Input', 'x', { shape: [4] });
    builder.layer('Input', 'label', { shape: [] });
    builder.layer('Dense', 'logits', { units: 3, activation: 'linear' });
    builder.layer('SparseSoftmaxCrossEntropy', 'loss');
    builder.chain('x', 'logits', 'loss:logits');
    builder.edge('label', 'loss:labels');
    expect(analyze(builder.build()).diagnostics).toEqual([]);
  });

  it('valid padding smaller than the kernel', () => {
    const builder = new DocumentBuilder('small');
    builder.layer('Input', 'x', { shape: [2, 2, 1] });
    builder.layer('Conv2D', 'conv1', { kernelSize: 3, padding: 'valid' });
    builder.chain('x', 'conv1');
    const error = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.code === 'shape-mismatch');
    expect(error?.messageKey).toBe('graph.shape.tooSmall');
  });

  it('an error upstream does not cascade', () => {
    const builder = new DocumentBuilder('cascade');
    builder.layer('Input', 'x', { shape: [784] });
    builder.layer('Conv2D', 'conv1');
    builder.layer('Conv2D', 'conv2');
    builder.chain('x', 'conv1', 'conv2');
    const analysis = analyze(builder.build());
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'shape-mismatch')).toHaveLength(1);
    expect(nodeByPath(analysis, 'conv2').outputs.output).toBeNull();
  });

  it('shared variables with different shapes', () => {
    const builder = new DocumentBuilder('share shapes');
    builder.layer('Input', 'a', { shape: [3] });
    builder.layer('Input', 'b', { shape: [5] });
    builder.edge('a', builder.layer('Dense', 'fc', { units: 2 }, { parent: builder.scope('s') }));
    builder.edge('b', builder.layer('Dense', 'fc', { units: 2 }, { parent: builder.scope('s', { reuse: true }) }));
    const error = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.code === 'shape-mismatch');
    expect(error?.message).toContain('Trying to share variable s/fc/weights, but specified shape [5, 2] and found shape [3, 2].');
  });
});

describe('graph structure diagnostics', () => {
  it('missing input', () => {
    const builder = new DocumentBuilder('missing');
    builder.layer('Dense', 'fc');
    const analysis = analyze(builder.build());
    expect(diagnosticCodes(analysis)).toEqual(['missing-input', 'no-loss']);
    expect(analysis.diagnostics[0].message).toBe('Dense fc has nothing connected to its input. Connect an endpoint to it.');
    expect(translate('ko', analysis.diagnostics[0].messageKey, analysis.diagnostics[0].values)).toBe(
      'Dense fc의 입력에 연결된 것이 없습니다. 엔드포인트를 연결하세요.',
    );
  });

  it('missing named input', () => {
    const builder = new DocumentBuilder('missing labels');
    builder.layer('MnistInput', 'mnist');
    builder.layer('Flatten', 'flatten');
    builder.layer('Dense', 'logits', { units: 10 });
    builder.layer('SoftmaxCrossEntropy', 'loss');
    builder.chain('mnist:images', 'flatten', 'logits', 'loss:logits');
    const missing = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.code === 'missing-input');
    expect(missing?.message).toBe('SoftmaxCrossEntropy loss has nothing connected to its labels input. Connect an endpoint to it.');
  });

  it('cycle', () => {
    const builder = new DocumentBuilder('cycle');
    builder.layer('Dense', 'a');
    builder.layer('Dense', 'b');
    builder.chain('a', 'b', 'a');
    const analysis = analyze(builder.build());
    expect(diagnosticCodes(analysis).filter((code) => code === 'cycle')).toHaveLength(2);
    expect(analysis.order).toEqual([]);
  });

  it('scopes that contain each other', () => {
    const builder = new DocumentBuilder('parent loop');
    const first = builder.scope('a');
    const second = builder.scope('b', { parent: first });
    const doc = builder.build();
    const looped: ModelDocument = { ...doc, nodes: doc.nodes.map((node) => (node.id === first ? { ...node, parentId: second } : node)) };
    const analysis = analyze(looped);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.messageKey === 'graph.node.parentCycle').map((diagnostic) => diagnostic.nodeId)).toEqual([first, second]);
  });

  it('a parent that is a layer', () => {
    const builder = new DocumentBuilder('layer parent');
    const layer = builder.layer('Dense', 'fc');
    builder.layer('Flatten', 'flatten', {}, { parent: layer });
    const warning = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.node.badParent');
    expect(warning?.severity).toBe('warning');
  });

  it('input already taken', () => {
    const builder = new DocumentBuilder('taken');
    builder.layer('Input', 'x', { shape: [3] });
    builder.layer('Input', 'y', { shape: [3] });
    builder.layer('Dense', 'fc');
    builder.chain('x', 'fc');
    const second = builder.edge('y', 'fc');
    const error = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.code === 'bad-edge');
    expect(error?.edgeId).toBe(second);
  });

  it('unknown layer type', () => {
    const builder = new DocumentBuilder('unknown');
    builder.layer('Conv3D', 'conv');
    expect(diagnosticCodes(analyze(builder.build()))).toContain('unknown-layer-type');
  });

  it('edges into a scope', () => {
    const builder = new DocumentBuilder('scope edge');
    builder.layer('Input', 'x', { shape: [3] });
    const scope = builder.scope('s');
    builder.edge('x', scope);
    expect(diagnosticCodes(analyze(builder.build()))).toContain('bad-edge');
  });

  it('no loss is an error', () => {
    const analysis = analyze(new DocumentBuilder('empty').build());
    expect(diagnosticCodes(analysis)).toEqual(['no-loss']);
    expect(analysis.trainable).toBe(false);
  });

  it('topological order puts inputs first', () => {
    const doc = getTemplate('default');
    const reversed: ModelDocument = { ...doc, edges: [...doc.edges].reverse() };
    const analysis = analyze(reversed);
    const paths = analysis.order.map((id) => analysis.nodes[id].opPath);
    expect(paths.indexOf('mnist')).toBeLessThan(paths.indexOf('Classifier/Encoder/conv1'));
    expect(paths.indexOf('Classifier/Head/logits')).toBeLessThan(paths.indexOf('Classifier/loss'));
  });
});

describe('parameters', () => {
  function withParams(params: Record<string, unknown>) {
    const builder = new DocumentBuilder('params');
    builder.layer('Input', 'x', { shape: [8, 8, 1] });
    builder.layer('Conv2D', 'conv1', params as never);
    builder.chain('x', 'conv1');
    return analyze(builder.build());
  }

  it('invalid values are rejected with the parameter named', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filters: 0 }, 'graph.param.min'],
      [{ filters: 2.5 }, 'graph.param.int'],
      [{ padding: 'full' }, 'graph.param.enum'],
      [{ kernelSize: [3, 3, 3] }, 'graph.param.ints'],
      [{ useBias: 'yes' }, 'graph.param.bool'],
      [{ weightsInitializer: 'truncated_normal(0.1)' }, 'graph.initializer.arguments'],
      [{ weightsInitializer: 'glorot' }, 'graph.initializer.unknown'],
      [{ variablesCollections: 'a b' }, 'graph.param.collection'],
    ];
    for (const [params, key] of cases) {
      const analysis = withParams(params);
      const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'invalid-param');
      expect(error?.messageKey, JSON.stringify(params)).toBe(key);
      expect(error?.values.param, JSON.stringify(params)).toBe(Object.keys(params)[0]);
    }
  });

  it('a single kernel size is normalised', () => {
    const analysis = withParams({ kernelSize: 5, weightsInitializer: 'truncated_normal(stddev=0.1)' });
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
    expect(nodeByPath(analysis, 'conv1').params.kernelSize.value).toEqual([5, 5]);
    expect(variable(analysis, 'conv1/weights:0').shape).toEqual([5, 5, 1, 32]);
  });

  it('an unknown parameter is a warning', () => {
    const analysis = withParams({ colour: 'red' });
    const warning = analysis.diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.param.unknown');
    expect(warning?.severity).toBe('warning');
  });
});

describe('reuse inside one scope', () => {
  it('same-named layers in a reusing scope share', () => {
    const builder = new DocumentBuilder('reuse');
    builder.layer('Input', 'a', { shape: [3] });
    builder.layer('Input', 'b', { shape: [3] });
    let first = '';
    let second = '';
    builder.scope('tower', { reuse: 'auto' }, (scope) => {
      first = scope.layer('Dense', 'fc', { units: 2 });
      second = scope.layer('Dense', 'fc', { units: 2 });
    });
    builder.edge('a', first);
    builder.edge('b', second);
    const analysis = analyze(builder.build());
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
    expect(analysis.nodes[second].opPath).toBe('tower/fc_1');
    expect(analysis.nodes[second].sharesWith).toBe(first);
  });

  it('reuse is inherited by inner variable scopes', () => {
    const builder = new DocumentBuilder('inherit');
    builder.layer('Input', 'x', { shape: [3] });
    let first = '';
    let second = '';
    builder.scope('net', {}, (net) => net.scope('inner', {}, (inner) => (first = inner.layer('Dense', 'fc'))));
    builder.scope('net', { reuse: true }, (net) => net.scope('inner', {}, (inner) => (second = inner.layer('Dense', 'fc'))));
    builder.edge('x', first);
    builder.edge('x', second);
    const analysis = analyze(builder.build());
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
    expect(analysis.nodes[second].opPath).toBe('net_1/inner/fc');
    expect(variableNames(analysis)).toEqual(['net/inner/fc/weights:0', 'net/inner/fc/biases:0']);
  });

  it('reuse on a name_scope is a warning and does not share', () => {
    const builder = new DocumentBuilder('name_scope reuse');
    builder.scope('s', { kind: 'name_scope', reuse: true });
    const warning = analyze(builder.build()).diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.scope.reuseOnNameScope');
    expect(warning?.severity).toBe('warning');
  });
});

describe('regularization losses', () => {
  function regularized(text: string, reuse: boolean) {
    const builder = new DocumentBuilder('reg');
    builder.layer('Input', 'x', { shape: [3] });
    builder.edge('x', builder.layer('Dense', 'fc', { weightsRegularizer: text }, { parent: builder.scope('s') }));
    if (reuse) builder.edge('x', builder.layer('Dense', 'fc', { weightsRegularizer: text }, { parent: builder.scope('s', { reuse: true }) }));
    return analyze(builder.build());
  }

  it('TF1 l2_regularizer op name', () => {
    expect(regularized('l2_regularizer(0.0005)', false).collections.REGULARIZATION_LOSSES.map((item) => item.name)).toEqual([
      's/fc/weights/Regularizer/l2_regularizer',
    ]);
  });

  it('a shared variable adds its loss once', () => {
    expect(regularized('l2(0.01)', true).collections.REGULARIZATION_LOSSES).toHaveLength(1);
  });

  it('scale 0 disables l2_regularizer as in TF1', () => {
    expect(regularized('l2_regularizer(0)', false).collections.REGULARIZATION_LOSSES).toEqual([]);
  });

  it('built-in regularization_loss and total_loss summaries', () => {
    const tags = analyze(getTemplate('vgg16')).summaries.filter((summary) => summary.builtin && summary.kind === 'scalar').map((summary) => summary.tag);
    expect(tags).toEqual(['vgg_16/loss', 'total_loss', 'regularization_loss']);
  });
});

describe('collections', () => {
  const analysis = analyze(getTemplate('default'));

  it('every standard key exists', () => {
    expect(Object.keys(analysis.collections)).toEqual([
      'GLOBAL_VARIABLES',
      'LOCAL_VARIABLES',
      'MODEL_VARIABLES',
      'TRAINABLE_VARIABLES',
      'MOVING_AVERAGE_VARIABLES',
      'WEIGHTS',
      'BIASES',
      'ACTIVATIONS',
      'LOSSES',
      'REGULARIZATION_LOSSES',
      'SUMMARIES',
      'UPDATE_OPS',
    ]);
  });

  it('weights, biases and activations', () => {
    expect(analysis.collections.WEIGHTS.map((item) => item.name)).toEqual([
      'Classifier/Encoder/conv1/weights:0',
      'Classifier/Encoder/conv2/weights:0',
      'Classifier/Head/fc1/weights:0',
      'Classifier/Head/logits/weights:0',
    ]);
    expect(analysis.collections.BIASES).toHaveLength(4);
    expect(analysis.collections.ACTIVATIONS.map((item) => item.name)).toContain('Classifier/Head/fc1');
  });

  it('node collections on a loss and declared collections', () => {
    const builder = new DocumentBuilder('user').collections('extra');
    builder.layer('Input', 'x', { shape: [2] });
    builder.layer('Input', 'y', { shape: [2] });
    builder.layer('MeanSquaredError', 'loss', {}, { collections: ['my_losses'] });
    builder.chain('x', 'loss:predictions');
    builder.chain('y', 'loss:labels');
    const result = analyze(builder.build());
    expect(result.collections.extra).toEqual([]);
    expect(result.collections.my_losses.map((item) => item.name)).toEqual(['loss']);
  });
});

describe('summaries', () => {
  function summaryDoc(params: Record<string, string>, connect: boolean, type = 'HistogramSummary') {
    const builder = new DocumentBuilder('summary');
    builder.layer('Input', 'x', { shape: [3] });
    builder.layer('Dense', 'fc', { units: 2 });
    builder.layer(type, 'watch', params);
    builder.chain('x', 'fc');
    if (connect) builder.edge('fc', 'watch');
    return analyze(builder.build());
  }

  it('needs a source', () => {
    expect(summaryDoc({}, false).diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.summary.noSource')).toBeDefined();
  });

  it('rejects an unknown variable', () => {
    const error = summaryDoc({ variable: 'fc/kernel' }, false).diagnostics.find((diagnostic) => diagnostic.messageKey === 'graph.summary.variableNotFound');
    expect(error?.values.variable).toBe('fc/kernel');
  });

  it('rejects two sources', () => {
    expect(summaryDoc({ variable: 'fc/weights' }, true).diagnostics.map((diagnostic) => diagnostic.messageKey)).toContain('graph.summary.twoSources');
  });

  it('scalar summaries need a scalar', () => {
    const analysis = summaryDoc({}, true, 'ScalarSummary');
    const error = analysis.diagnostics.find((diagnostic) => diagnostic.code === 'shape-mismatch');
    expect(error?.messageKey).toBe('graph.shape.needScalar');
    expect(analysis.summaries.find((summary) => summary.tag === 'watch')).toBeUndefined();
  });

  it('image summary of MNIST images', () => {
    const builder = new DocumentBuilder('images');
    builder.layer('MnistInput', 'mnist');
    builder.scope('inputs', { kind: 'name_scope' }, (scope) => scope.layer('ImageSummary', 'digits', { maxOutputs: 4 }));
    builder.edge('mnist:images', 'inputs/digits');
    const analysis = analyze(builder.build());
    expect(errorsBesidesNoLoss(analysis)).toEqual([]);
    expect(analysis.summaries).toContainEqual({
      tag: 'inputs/digits',
      kind: 'image',
      nodeId: nodeByPath(analysis, 'inputs/digits').id,
      scopePath: 'inputs',
      builtin: false,
      source: { nodeId: nodeByPath(analysis, 'mnist').id, endpoint: 'images' },
    });
  });

  it('built-in histograms per variable', () => {
    const analysis = summaryDoc({ variable: 'fc/weights:0' }, false);
    const builtins = analysis.summaries.filter((summary) => summary.builtin).map((summary) => summary.tag);
    expect(builtins).toEqual(['fc/weights', 'fc/biases']);
  });
});
