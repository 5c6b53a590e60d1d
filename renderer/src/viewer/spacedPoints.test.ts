import { describe, expect, it } from 'vitest';
import { spacedPoints } from './spacedPoints';

/** A square outline traced one image pixel at a time, as a predicted region's polygon is. */
function tracedSquare(side: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let x = 0; x < side; x++) pts.push([x, 0]);
  for (let y = 0; y < side; y++) pts.push([side, y]);
  for (let x = side; x > 0; x--) pts.push([x, side]);
  for (let y = side; y > 0; y--) pts.push([0, y]);
  return pts;
}

describe('spacedPoints (which polygon corners get a handle at this zoom)', () => {
  it('draws every corner when they are further apart than the gap', () => {
    const square: [number, number][] = [
      [0, 0],
      [20, 0],
      [20, 20],
      [0, 20],
    ];
    expect(spacedPoints(square, 10)).toEqual([0, 1, 2, 3]);
  });

  it('thins a densely traced outline to handles at least a gap apart, closing edge included', () => {
    const pts = tracedSquare(40);
    const drawn = spacedPoints(pts, 10);
    expect(drawn.length).toBe(16);
    const gaps = drawn.map((i, k) => {
      const [a, b] = [pts[i]!, pts[drawn[(k + 1) % drawn.length]!]!];
      return Math.hypot(a[0] - b[0], a[1] - b[1]);
    });
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(10);
  });

  it('always draws the picked corner, even among crowded ones', () => {
    const pts = tracedSquare(40);
    expect(spacedPoints(pts, 10, 3)).toContain(3);
    expect(spacedPoints(pts, 10, pts.length - 1)).toContain(pts.length - 1);
    // and keeps the other handles off it: none drawn within the gap of the picked one
    const picked = pts[25]!;
    const others = spacedPoints(pts, 10, 25).filter((i) => i !== 25);
    expect(
      Math.min(...others.map((i) => Math.hypot(pts[i]![0] - picked[0], pts[i]![1] - picked[1]))),
    ).toBeGreaterThanOrEqual(10);
  });

  it('draws them all once zoomed in far enough (the gap shrinks in image units)', () => {
    const pts = tracedSquare(12);
    expect(spacedPoints(pts, 1)).toHaveLength(pts.length);
    expect(spacedPoints([], 5)).toEqual([]);
  });
});
