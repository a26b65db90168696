/**
 * Placement of new boxes in free space: a dropped, pasted or grouped node must not land on top of
 * a sibling. All rects are absolute flow coordinates.
 */
import type { XY } from '../graph/types';
import type { Rect } from './geometry';

/** Space kept between a placed box and its neighbours, in flow pixels. */
export const PLACEMENT_GAP = 16;

/** Distance between two candidate positions while searching for free space, in flow pixels. */
const SEARCH_STEP = 24;

/** Number of steps searched before the original position is kept anyway. */
const SEARCH_LIMIT = 80;

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * Returns the offset that moves `rect` to the nearest position below or to the right of it that
 * keeps `PLACEMENT_GAP` from every rect in `occupied`. Candidates are tried in order of the
 * distance moved (down and right summed), downwards first. Returns `{ x: 0, y: 0 }` when `rect`
 * is free already or nothing free is found within the search limit.
 */
export function freeOffset(rect: Rect, occupied: readonly Rect[]): XY {
  for (let distance = 0; distance <= SEARCH_LIMIT; distance += 1) {
    for (let right = 0; right <= distance; right += 1) {
      const offset = { x: right * SEARCH_STEP, y: (distance - right) * SEARCH_STEP };
      const moved = { ...rect, x: rect.x + offset.x, y: rect.y + offset.y };
      if (!occupied.some((other) => overlaps(moved, other, PLACEMENT_GAP))) return offset;
    }
  }
  return { x: 0, y: 0 };
}
