import { describe, expect, it } from 'vitest';
import { analyze } from '../../graph/analyze';
import { applyChange } from '../../store/changes';
import { nestedDocument, sampleDocument } from '../../store/testing';
import { FlowModel, parentsFirst } from './flowModel';

describe('FlowModel', () => {
  it('lists parents before children whatever the document order', () => {
    const doc = sampleDocument();
    const reversed = [...doc.nodes].reverse();
    const order = parentsFirst(reversed).map((node) => node.id);
    expect(order.indexOf('Classifier')).toBeLessThan(order.indexOf('Encoder'));
    expect(order.indexOf('Encoder')).toBeLessThan(order.indexOf('conv1'));
    expect(order).toHaveLength(doc.nodes.length);
  });

  it('rebuilds only the nodes whose inputs changed', () => {
    const doc = nestedDocument();
    expect(doc.nodes.filter((node) => node.kind === 'layer')).toHaveLength(301);
    expect(doc.nodes.filter((node) => node.kind === 'scope')).toHaveLength(30);
    const model = new FlowModel();
    const first = model.nodes(doc, new Set(), {});
    const moved = applyChange(doc, { type: 'moveNodes', moves: [{ id: 's2_0', position: { x: 500, y: 500 } }] }).doc;
    const second = model.nodes(moved, new Set(), {});
    const changed = second.filter((node, index) => node !== first[index]).map((node) => node.id);
    expect(changed).toEqual(['s2_0']);
  });

  it('reroutes edges of a collapsed scope and hides its contents', () => {
    const doc = applyChange(sampleDocument(), { type: 'setCollapsed', id: 'Encoder', collapsed: true }).doc;
    const model = new FlowModel();
    const nodes = model.nodes(doc, new Set(), {});
    expect(nodes.find((node) => node.id === 'conv1')?.hidden).toBe(true);
    const edges = model.edges(doc, analyze(doc), new Set());
    expect(edges.map((edge) => [edge.source, edge.target])).toEqual([
      ['input', 'Encoder'],
      ['Encoder', 'fc'],
    ]);
  });

  it('marks the edge into a mismatched input invalid', () => {
    const doc = sampleDocument();
    const rewired = applyChange(doc, {
      type: 'batch',
      changes: [
        { type: 'removeEdges', ids: ['input->conv1'] },
        { type: 'addEdges', edges: [{ id: 'labels', source: 'input', sourceHandle: 'labels', target: 'conv1' }] },
      ],
    }).doc;
    const edges = new FlowModel().edges(rewired, analyze(rewired), new Set());
    expect(edges.find((edge) => edge.id === 'labels')?.className).toContain('sf-edge--invalid');
    expect(edges.find((edge) => edge.id === 'conv1->fc')?.className).not.toContain('sf-edge--invalid');
  });
});
