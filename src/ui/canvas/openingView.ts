/**
 * The viewport a freshly opened document starts with. Fitting a tall model into a small canvas
 * shrinks its labels below reading size (the default model got zoom 0.22 at 1280x720). So the
 * opening zoom never drops below `MIN_OPENING_ZOOM`, and a model that does not fit opens at its
 * top, centred horizontally.
 */
import type { Rect } from '../../store/geometry';

/** Lowest opening zoom: 15 px node labels show at 12 px or larger. */
export const MIN_OPENING_ZOOM = 0.8;

/** Space above the model's top at the opening zoom, which keeps it clear of the canvas toolbar. */
export const OPENING_TOP_MARGIN = 56;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Returns the opening viewport for a model with `bounds` (flow coordinates) in a canvas of
 * `width` x `height` pixels, given the viewport that fit view chose. The fitted viewport is kept
 * when its zoom is readable.
 */
export function openingViewport(bounds: Rect, width: number, height: number, fitted: Viewport): Viewport {
  if (fitted.zoom >= MIN_OPENING_ZOOM) return fitted;
  const zoom = MIN_OPENING_ZOOM;
  const scaledWidth = bounds.width * zoom;
  // A model wider than the canvas opens at its left edge rather than cut on both sides.
  const x = scaledWidth <= width ? (width - scaledWidth) / 2 - bounds.x * zoom : 16 - bounds.x * zoom;
  const scaledHeight = bounds.height * zoom;
  const y = scaledHeight + OPENING_TOP_MARGIN <= height ? (height - scaledHeight) / 2 - bounds.y * zoom : OPENING_TOP_MARGIN - bounds.y * zoom;
  return { x, y, zoom };
}
