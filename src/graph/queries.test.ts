import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { analyze } from './analyze';
import { DocumentBuilder } from './builder';
import {
  getCollection,
  getModelVariables,
  getVariables,
  getVariablesByName,
  getVariablesBySuffix,
  getVariablesToRestore,
  InvalidScopePatternError,
  validateScopePattern,
} from './queries';
import { getTemplate } from './templates';

const names = (items: { name: string }[]) => items.map((item) => item.name);

describe('getCollection', () => {
  const analysis = analyze(getTemplate('default'));

  it('matches the scope from the start, as re.match', () => {
    expect(names(getCollection(analysis, 'WEIGHTS', 'Classifier/Head'))).toEqual(['Classifier/Head/fc1/weights:0', 'Classifier/Head/logits/weights:0']);
    expect(getCollection(analysis, 'WEIGHTS', 'Head')).toEqual([]);
  });

  it('treats the scope as a regular expression', () => {
    expect(names(getCollection(analysis, 'TRAINABLE_VARIABLES', 'Classifier/Encoder/conv\\d/w'))).toEqual([
      'Classifier/Encoder/conv1/weights:0',
      'Classifier/Encoder/conv2/weights:0',
    ]);
    expect(names(getCollection(analysis, 'BIASES', 'Classifier/Head/logits|Classifier/Encoder/conv2'))).toEqual([
      'Classifier/Encoder/conv2/biases:0',
      'Classifier/Head/logits/biases:0',
    ]);
  });

  it('an unknown key is empty', () => {
    expect(getCollection(analysis, 'NO_SUCH_KEY')).toEqual([]);
  });

  it('an invalid regex is an error', () => {
    expect(() => getCollection(analysis, 'WEIGHTS', 'conv(')).toThrow(InvalidScopePatternError);
    expect(validateScopePattern('conv(')?.messageKey).toBe('graph.query.invalidPattern');
    // The engine's English SyntaxError text never reaches the message, in either language.
    const problem = validateScopePattern('conv(')!;
    expect(problem.message).not.toMatch(/Invalid regular expression|Unterminated/);
    expect(translate('ko', problem.messageKey, problem.values)).not.toMatch(/Invalid regular expression|Unterminated/);
    expect(validateScopePattern('conv1')).toBeNull();
  });
});

describe('TF-Slim variable queries', () => {
  const builder = new DocumentBuilder('queries');
  builder.layer('Input', 'x', { shape: [8, 8, 1] });
  builder.layer('Input', 'seq', { shape: [4, 2] });
  builder.scope('net', {}, (net) => {
    net.layer('Conv2D', 'conv1', { filters: 2, normalizer: 'batch_norm' });
    net.layer('SimpleRNN', 'rnn', { units: 3 });
  });
  builder.chain('x', 'net/conv1');
  builder.chain('seq', 'net/rnn');
  const analysis = analyze(builder.build());

  it('get_variables with scope and suffix', () => {
    expect(names(getVariables(analysis, { scope: 'net/conv1', suffix: 'moving_mean' }))).toEqual(['net/conv1/BatchNorm/moving_mean:0']);
    expect(names(getVariables(analysis, { collection: 'TRAINABLE_VARIABLES' }))).toEqual([
      'net/conv1/weights:0',
      'net/conv1/BatchNorm/beta:0',
      'net/rnn/basic_rnn_cell/kernel:0',
      'net/rnn/basic_rnn_cell/bias:0',
    ]);
  });

  it('get_variables_by_name matches the short name exactly', () => {
    expect(names(getVariablesByName(analysis, 'beta'))).toEqual(['net/conv1/BatchNorm/beta:0']);
    expect(names(getVariablesByName(analysis, 'weights'))).toEqual(['net/conv1/weights:0']);
    expect(getVariablesByName(analysis, 'eights')).toEqual([]);
  });

  it('get_variables_by_suffix', () => {
    expect(names(getVariablesBySuffix(analysis, 'bias:0'))).toEqual(['net/rnn/basic_rnn_cell/bias:0']);
  });

  it('get_model_variables leaves out RNN cell variables', () => {
    expect(names(getModelVariables(analysis))).toEqual([
      'net/conv1/weights:0',
      'net/conv1/BatchNorm/beta:0',
      'net/conv1/BatchNorm/moving_mean:0',
      'net/conv1/BatchNorm/moving_variance:0',
    ]);
  });
});

describe('getVariablesToRestore', () => {
  const analysis = analyze(getTemplate('vgg16'));

  it('exclude fc8', () => {
    const restored = names(getVariablesToRestore(analysis, { exclude: ['vgg_16/fc8'] }));
    expect(restored).toHaveLength(30);
    expect(restored).not.toContain('vgg_16/fc8/weights:0');
    expect(restored).toContain('vgg_16/fc7/weights:0');
  });

  it('include keeps include order', () => {
    expect(names(getVariablesToRestore(analysis, { include: ['vgg_16/fc8', 'vgg_16/conv1/conv1_1'] }))).toEqual([
      'vgg_16/fc8/weights:0',
      'vgg_16/fc8/biases:0',
      'vgg_16/conv1/conv1_1/weights:0',
      'vgg_16/conv1/conv1_1/biases:0',
    ]);
  });

  it('all global variables by default', () => {
    expect(getVariablesToRestore(analysis)).toHaveLength(32);
  });
});
