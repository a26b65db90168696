import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, DocumentBuilder } from './builder';
import { DOCUMENT_VERSION } from './types';

describe('DocumentBuilder', () => {
  it('builds nested scopes with ids and parents', () => {
    const builder = new DocumentBuilder('demo');
    let conv = '';
    const encoder = builder.scope('Encoder', { kind: 'name_scope', reuse: 'auto' }, (inner) => {
      conv = inner.layer('Conv2D', undefined, { filters: 8 });
    });
    const doc = builder.build();
    expect(doc.version).toBe(DOCUMENT_VERSION);
    expect(doc.title).toBe('demo');
    expect(doc.nodes).toHaveLength(2);
    expect(doc.nodes[0]).toMatchObject({ id: encoder, kind: 'scope', scopeKind: 'name_scope', reuse: 'auto', name: 'Encoder' });
    expect(doc.nodes[1]).toMatchObject({ id: conv, kind: 'layer', type: 'Conv2D', name: 'conv1', parentId: encoder, params: { filters: 8 } });
  });

  it('resolves edge references and handles', () => {
    const builder = new DocumentBuilder();
    builder.layer('MnistInput', 'mnist');
    builder.scope('a', {}, (scope) => scope.layer('Flatten', 'flatten'));
    builder.scope('b', {}, (scope) => scope.layer('Flatten', 'flatten'));
    builder.edge('mnist:images', 'a/flatten');
    builder.edge('mnist:images', 'b/flatten:input');
    const doc = builder.build();
    expect(doc.edges).toEqual([
      { id: 'e1', source: doc.nodes[0].id, sourceHandle: 'images', target: doc.nodes[2].id },
      { id: 'e2', source: doc.nodes[0].id, sourceHandle: 'images', target: doc.nodes[4].id, targetHandle: 'input' },
    ]);
  });

  it('rejects ambiguous and unknown references', () => {
    const builder = new DocumentBuilder();
    builder.scope('a', {}, (scope) => scope.layer('Flatten', 'flatten'));
    builder.scope('b', {}, (scope) => scope.layer('Flatten', 'flatten'));
    expect(() => builder.edge('flatten', 'a/flatten')).toThrow('is ambiguous');
    expect(() => builder.edge('nothing', 'a/flatten')).toThrow('matches no layer');
  });

  it('training defaults and overrides', () => {
    const doc = new DocumentBuilder().training({ batchSize: 8 }).collections('batch_norm').build();
    expect(doc.training).toEqual({ ...DEFAULT_TRAINING, batchSize: 8 });
    expect(doc.collections).toEqual(['batch_norm']);
  });

  it('build returns independent copies', () => {
    const builder = new DocumentBuilder();
    builder.layer('Dense', 'fc1', { units: 3 });
    const first = builder.build();
    const second = builder.build();
    expect(first).toEqual(second);
    expect(first.nodes[0]).not.toBe(second.nodes[0]);
  });

  it('sizes scopes around their children', () => {
    const builder = new DocumentBuilder();
    builder.scope('outer', {}, (outer) => outer.scope('inner', {}, (inner) => {
      inner.layer('Dense', 'fc1');
      inner.layer('Dense', 'fc2');
    }));
    const [outer, inner, first, second] = builder.build().nodes;
    if (outer.kind !== 'scope' || inner.kind !== 'scope') throw new Error('expected scopes');
    expect(second.position.y).toBeGreaterThan(first.position.y);
    expect(inner.size.height).toBeGreaterThanOrEqual(second.position.y + 64);
    expect(outer.size.height).toBeGreaterThanOrEqual(inner.position.y + inner.size.height);
    expect(outer.size.width).toBeGreaterThanOrEqual(inner.position.x + inner.size.width);
  });
});
