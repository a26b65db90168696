import { describe, expect, it } from 'vitest';
import type { SummarySpec } from '../../graph/types';
import { compareScopePaths, groupSummaries, lossCurveTags, mainSummaryOf, panelId, sectionPrefix } from './grouping';

function spec(tag: string, kind: SummarySpec['kind'], scopePath: string): SummarySpec {
  return { tag, kind, scopePath, builtin: true };
}

const specs: SummarySpec[] = [
  spec('Classifier/Encoder/conv1/weights', 'histogram', 'Classifier/Encoder'),
  spec('Classifier/Encoder/conv1/biases', 'histogram', 'Classifier/Encoder'),
  spec('Classifier/Encoder/conv2/weights', 'histogram', 'Classifier/Encoder'),
  spec('Classifier/loss', 'scalar', 'Classifier'),
  spec('total_loss', 'scalar', ''),
  spec('regularization_loss', 'scalar', ''),
  spec('layer1/weights', 'histogram', 'layer1'),
  spec('layer2/weights', 'histogram', 'layer2'),
];

describe('groupSummaries', () => {
  it('makes one panel per scope path, root first', () => {
    const groups = groupSummaries(specs);
    expect(groups.map((g) => g.scopePath)).toEqual(['', 'Classifier', 'Classifier/Encoder', 'layer1', 'layer2']);
  });

  it('sections tags by the next path component', () => {
    const encoder = groupSummaries(specs).find((g) => g.scopePath === 'Classifier/Encoder')!;
    expect(encoder.sections.map((s) => s.prefix)).toEqual(['conv1', 'conv2']);
    expect(encoder.sections[0].items.map((i) => i.tag)).toEqual([
      'Classifier/Encoder/conv1/biases',
      'Classifier/Encoder/conv1/weights',
    ]);
  });

  it('keeps same-named tags of two scopes apart', () => {
    const groups = groupSummaries(specs);
    const layer1 = groups.find((g) => g.scopePath === 'layer1')!;
    const layer2 = groups.find((g) => g.scopePath === 'layer2')!;
    expect(layer1.sections[0].items).toEqual([{ tag: 'layer1/weights', kind: 'histogram' }]);
    expect(layer2.sections[0].items).toEqual([{ tag: 'layer2/weights', kind: 'histogram' }]);
  });

  it('adds received tags without a spec', () => {
    const groups = groupSummaries(specs, { scalars: ['total_loss', 'extra/accuracy'], histograms: [], images: [] });
    const extra = groups.find((g) => g.scopePath === 'extra');
    expect(extra?.sections[0].items).toEqual([{ tag: 'extra/accuracy', kind: 'scalar' }]);
    const root = groups.find((g) => g.scopePath === '')!;
    expect(root.sections[0].items.filter((i) => i.tag === 'total_loss')).toHaveLength(1);
  });

  it('puts scalars before histograms', () => {
    const groups = groupSummaries([spec('a/x', 'histogram', 'a'), spec('a/y', 'scalar', 'a')]);
    expect(groups[0].sections[0].items.map((i) => i.kind)).toEqual(['scalar', 'histogram']);
  });
});

describe('panelId', () => {
  it('names the root panel (root)', () => expect(panelId('')).toBe('(root)'));
  it('uses the scope path otherwise', () => expect(panelId('Classifier/Encoder')).toBe('Classifier/Encoder'));
});

describe('sectionPrefix', () => {
  it('is empty for a direct tag', () => expect(sectionPrefix('Classifier', 'Classifier/loss')).toBe(''));
  it('is the first component at the root', () => expect(sectionPrefix('', 'a/b/c')).toBe('a'));
});

describe('compareScopePaths', () => {
  it('orders a parent before its children and siblings', () => {
    const sorted = ['a_1', 'a/b', 'a', ''].sort(compareScopePaths);
    expect(sorted).toEqual(['', 'a', 'a/b', 'a_1']);
  });
});

describe('lossCurveTags', () => {
  it('orders total, terms, then regularization', () => {
    expect(lossCurveTags(['Classifier/loss'], specs, [])).toEqual(['total_loss', 'Classifier/loss', 'regularization_loss']);
  });

  it('leaves out curves nobody records', () => {
    expect(lossCurveTags(['Classifier/loss'], [spec('total_loss', 'scalar', '')], [])).toEqual(['total_loss']);
  });

  it('includes a term that only arrived as data', () => {
    expect(lossCurveTags([], [], ['regularization_loss'])).toEqual(['regularization_loss']);
  });
});

describe('mainSummaryOf', () => {
  it('prefers a scalar below the scope', () => {
    expect(mainSummaryOf(specs, 'Classifier')).toEqual({ tag: 'Classifier/loss', kind: 'scalar' });
  });

  it('falls back to the first histogram', () => {
    expect(mainSummaryOf(specs, 'Classifier/Encoder')).toEqual({ tag: 'Classifier/Encoder/conv1/weights', kind: 'histogram' });
  });

  it('does not match a sibling with a longer name', () => {
    expect(mainSummaryOf([spec('layer10/weights', 'histogram', 'layer10')], 'layer1')).toBeUndefined();
  });
});
