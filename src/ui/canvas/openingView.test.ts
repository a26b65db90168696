import { describe, expect, it } from 'vitest';
import { MIN_OPENING_ZOOM, OPENING_TOP_MARGIN, openingViewport } from './openingView';

describe('openingViewport', () => {
  const tallModel = { x: -20, y: 10, width: 400, height: 2000 };

  it('keeps a readable fitted viewport', () => {
    const fitted = { x: 5, y: 6, zoom: 0.9 };
    expect(openingViewport(tallModel, 720, 400, fitted)).toBe(fitted);
  });

  it('clamps a tall model to the minimum zoom', () => {
    const view = openingViewport(tallModel, 720, 400, { x: 0, y: 0, zoom: 0.2 });
    expect(view.zoom).toBe(MIN_OPENING_ZOOM);
  });

  it('shows the top of a tall model', () => {
    const view = openingViewport(tallModel, 720, 400, { x: 0, y: 0, zoom: 0.2 });
    expect(tallModel.y * view.zoom + view.y).toBe(OPENING_TOP_MARGIN);
  });

  it('centres a narrow model horizontally', () => {
    const view = openingViewport(tallModel, 720, 400, { x: 0, y: 0, zoom: 0.2 });
    const left = tallModel.x * view.zoom + view.x;
    const right = (tallModel.x + tallModel.width) * view.zoom + view.x;
    expect(left).toBeCloseTo(720 - right);
  });

  it('opens a wide model at its left edge', () => {
    const wide = { x: 100, y: 0, width: 3000, height: 200 };
    const view = openingViewport(wide, 720, 400, { x: 0, y: 0, zoom: 0.2 });
    expect(wide.x * view.zoom + view.x).toBe(16);
  });
});
