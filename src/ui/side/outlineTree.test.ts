import { describe, expect, it } from 'vitest';
import { analyze } from '../../graph/analyze';
import { getTemplate } from '../../graph/templates';
import { outlineItems } from './outlineTree';

describe('outlineItems', () => {
  const doc = getTemplate('default');
  const analysis = analyze(doc);

  it('lists the scope tree in document order with depths', () => {
    const items = outlineItems(doc.nodes, analysis, '');
    expect(items).toHaveLength(doc.nodes.length);
    const conv1 = items.find((item) => item.name === 'conv1')!;
    expect(conv1.path).toBe('Classifier/Encoder/conv1');
    expect(conv1.depth).toBe(2);
    expect(items.map((item) => item.name).slice(0, 3)).toEqual(['mnist', 'Classifier', 'Encoder']);
  });

  it('keeps matches and their ancestors', () => {
    const items = outlineItems(doc.nodes, analysis, 'head/LOG');
    expect(items.map((item) => [item.name, item.match])).toEqual([
      ['Classifier', false],
      ['Head', false],
      ['logits', true],
    ]);
  });

  it('returns nothing for an unknown name', () => {
    expect(outlineItems(doc.nodes, analysis, 'decoder')).toEqual([]);
  });
});
