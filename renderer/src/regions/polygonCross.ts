import type { Pt } from './types';

const cross = (o: Pt, a: Pt, b: Pt): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

const within = (p: Pt, a: Pt, b: Pt): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Closed segments ab and cd meet (crossing, touching or overlapping). */
export function segmentsMeet(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && within(a, c, d)) ||
    (d2 === 0 && within(b, c, d)) ||
    (d3 === 0 && within(c, a, b)) ||
    (d4 === 0 && within(d, a, b))
  );
}

/** Neighbouring edges a→shared→b fold back onto one line (a spike of zero width). */
function foldsBack(a: Pt, shared: Pt, b: Pt): boolean {
  if (cross(shared, a, b) !== 0) return false;
  return (a[0] - shared[0]) * (b[0] - shared[0]) + (a[1] - shared[1]) * (b[1] - shared[1]) > 0;
}

/**
 * The first pair of edges (1-based; edge k runs from point k to k+1) that meet anywhere but at
 * their shared corner, or null: the same rule the store applies, checked before sending.
 */
export function firstCrossing(points: readonly Pt[]): [number, number] | null {
  const n = points.length;
  const at = (i: number) => points[((i % n) + n) % n]!;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const gap = j - i;
      if (gap === 1) {
        if (foldsBack(at(i), at(j), at(j + 1))) return [i + 1, j + 1];
        continue;
      }
      if (gap === n - 1) {
        if (foldsBack(at(j), at(i), at(i + 1))) return [i + 1, j + 1];
        continue;
      }
      if (segmentsMeet(at(i), at(i + 1), at(j), at(j + 1))) return [i + 1, j + 1];
    }
  }
  return null;
}
