import { describe, expect, it } from 'vitest';
import { freeOffset, overlaps, PLACEMENT_GAP } from './placement';

describe('freeOffset', () => {
  const box = { x: 0, y: 0, width: 240, height: 80 };

  it('keeps a free rect where it is', () => {
    expect(freeOffset(box, [{ x: 0, y: 300, width: 240, height: 80 }])).toEqual({ x: 0, y: 0 });
  });

  it('moves a rect below the box it covers', () => {
    const taken = { x: 0, y: 0, width: 240, height: 80 };
    const offset = freeOffset(box, [taken]);
    expect(offset.x).toBe(0);
    expect(offset.y).toBeGreaterThanOrEqual(80 + PLACEMENT_GAP);
    expect(overlaps({ ...box, y: box.y + offset.y }, taken, PLACEMENT_GAP)).toBe(false);
  });

  it('moves down or right, never up or left', () => {
    const column = [0, 1, 2, 3, 4, 5].map((row) => ({ x: 0, y: row * 100, width: 240, height: 80 }));
    const offset = freeOffset(box, column);
    expect(offset.x).toBeGreaterThanOrEqual(0);
    expect(offset.y).toBeGreaterThanOrEqual(0);
    const moved = { ...box, x: offset.x, y: offset.y };
    for (const taken of column) expect(overlaps(moved, taken, PLACEMENT_GAP)).toBe(false);
  });
});

describe('overlaps', () => {
  it('treats touching boxes as apart without a gap', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
  });

  it('treats boxes closer than the gap as overlapping', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 15, y: 0, width: 10, height: 10 }, 8)).toBe(true);
  });
});
