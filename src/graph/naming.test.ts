import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from './builder';
import { suggestLayerName, suggestScopeName, uniquifyNames, UniqueNames, validateName, validateRename } from './naming';

describe('validateName', () => {
  it('accepts TF scope names', () => {
    for (const name of ['conv1', 'Conv_1', '.hidden', '1st', 'a.b-c_d']) expect(validateName(name), name).toBeNull();
  });

  it('rejects invalid names with a suggestion', () => {
    const cases: [string, string][] = [
      ['my layer', 'my_layer'],
      ['_private', 'n_private'],
      ['-x', 'n-x'],
      ['a/b', 'a_b'],
      ['합성곱', 'n___'],
    ];
    for (const [name, suggestion] of cases) {
      const diagnostic = validateName(name);
      expect(diagnostic?.code, name).toBe('invalid-name');
      expect(diagnostic?.values.suggestion, name).toBe(suggestion);
      expect(diagnostic?.message, name).toContain(`"${name}"`);
    }
  });

  it('rejects empty and overlong names', () => {
    expect(validateName('')?.messageKey).toBe('graph.name.empty');
    expect(validateName('a'.repeat(129))?.messageKey).toBe('graph.name.tooLong');
  });
});

describe('UniqueNames', () => {
  it('follows TF unique_name', () => {
    const names = new UniqueNames();
    expect(['test', 'test', 'test_1', 'test'].map((name) => names.unique('', name))).toEqual(['test', 'test_1', 'test_1_1', 'test_2']);
  });

  it('compares case-insensitively and keeps the case', () => {
    const names = new UniqueNames();
    expect(names.unique('a', 'Conv')).toBe('a/Conv');
    expect(names.unique('a', 'conv')).toBe('a/conv_1');
    expect(names.unique('b', 'conv')).toBe('b/conv');
  });
});

describe('suggestLayerName', () => {
  const builder = new DocumentBuilder('names');
  builder.layer('Conv2D', 'conv1');
  builder.layer('Flatten', 'flatten');
  const block = builder.scope('conv3');
  builder.layer('Conv2D', 'conv3_1', {}, { parent: block });
  const doc = builder.build();

  it('numbers TF-Slim style bases', () => {
    expect(suggestLayerName(doc, 'Conv2D')).toBe('conv2');
    expect(suggestLayerName(doc, 'Dense')).toBe('fc1');
    expect(suggestLayerName(doc, 'MaxPool2D')).toBe('pool1');
  });

  it('follows slim.repeat inside a numbered scope', () => {
    expect(suggestLayerName(doc, 'Conv2D', block)).toBe('conv3_2');
  });

  it('suffixes bare bases', () => {
    expect(suggestLayerName(doc, 'Flatten')).toBe('flatten_1');
    expect(suggestLayerName(doc, 'SoftmaxCrossEntropy')).toBe('loss');
  });

  it('suggests scope names', () => {
    expect(suggestScopeName(doc)).toBe('scope');
    expect(suggestScopeName(doc, undefined, 'conv3')).toBe('conv3_1');
  });
});

describe('validateRename', () => {
  const builder = new DocumentBuilder('rename');
  const first = builder.scope('test');
  const second = builder.scope('other');
  const layer = builder.layer('Dense', 'fc');
  const reusing = builder.scope('tower', { reuse: 'auto' });
  builder.layer('Dense', 'fc', {}, { parent: reusing });
  const sharer = builder.layer('Dense', 'fc2', {}, { parent: reusing });
  const doc = builder.build();

  it('sibling scopes may share a name', () => {
    expect(validateRename(doc, second, 'test')).toBeNull();
  });

  it('a layer may not take a scope name', () => {
    expect(validateRename(doc, layer, 'test')?.code).toBe('duplicate-name');
    expect(validateRename(doc, layer, 'test')?.messageKey).toBe('graph.name.duplicateKind');
    expect(validateRename(doc, first, 'fc')?.code).toBe('duplicate-name');
  });

  it('layers in a reusing scope may share a name', () => {
    expect(validateRename(doc, sharer, 'fc')).toBeNull();
  });

  it('invalid names carry the node id', () => {
    expect(validateRename(doc, layer, 'bad name')).toMatchObject({ code: 'invalid-name', nodeId: layer });
  });
});

describe('uniquifyNames', () => {
  it('returns the same document when nothing clashes', () => {
    const doc = new DocumentBuilder('ok').add((b) => b.layer('Dense', 'fc1')).build();
    expect(uniquifyNames(doc)).toBe(doc);
  });

  it('repairs invalid names and skips taken suffixes', () => {
    const builder = new DocumentBuilder('repair');
    builder.layer('Dense', 'fc');
    builder.layer('Dense', 'fc_1');
    builder.layer('Dense', 'fc');
    builder.layer('Dense', 'my layer');
    builder.scope('s');
    builder.scope('s');
    const fixed = uniquifyNames(builder.build());
    expect(fixed.nodes.map((node) => node.name)).toEqual(['fc', 'fc_1', 'fc_2', 'my_layer', 's', 's']);
  });
});
