/** Polygon rules shared by the store (which refuses bad shapes) and the renderer (which warns first). */
import type { Point } from './geometry';

/** Twice the signed area (shoelace); zero for points on one line. */
export function doubleArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** All points on one straight line (the first two are distinct; repeated points are refused before). */
export function onOneLine(points: readonly Point[]): boolean {
  const [a, b] = points as [Point, Point];
  return points.every((p) => cross(a, b, p) === 0);
}

const cross = (o: Point, a: Point, b: Point): number =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function onSegment(p: Point, a: Point, b: Point): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Closed-segment intersection, touching and collinear overlap included. */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(a, c, d)) ||
    (d2 === 0 && onSegment(b, c, d)) ||
    (d3 === 0 && onSegment(c, a, b)) ||
    (d4 === 0 && onSegment(d, a, b))
  );
}

/** Edges i (from point i to i+1) and j of a ring share a vertex when they are neighbours. */
function adjacentOverlap(a: Point, shared: Point, b: Point): boolean {
  // Two neighbouring edges may only meet at their shared point; folding back along one line is a spike.
  if (cross(shared, a, b) !== 0) return false;
  return (a[0] - shared[0]) * (b[0] - shared[0]) + (a[1] - shared[1]) * (b[1] - shared[1]) > 0;
}

/**
 * The first pair of edges (1-based, edge k runs from point k to k+1) that cross or touch other
 * than at a shared corner, or null. Edges are swept by x, so outlines of thousands of points stay cheap.
 */
export function selfIntersection(points: readonly Point[]): [number, number] | null {
  const n = points.length;
  const edges = Array.from({ length: n }, (_, i) => {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    return { i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) };
  }).sort((e, f) => e.minX - f.minX);
  for (let s = 0; s < n; s++) {
    const e = edges[s]!;
    for (let t = s + 1; t < n && edges[t]!.minX <= e.maxX; t++) {
      const f = edges[t]!;
      const [lo, hi] = e.i < f.i ? [e, f] : [f, e];
      const gap = hi.i - lo.i;
      if (gap === 1 || gap === n - 1) {
        const [first, second] = gap === 1 ? [lo, hi] : [hi, lo];
        if (adjacentOverlap(first.a, first.b, second.b)) return [lo.i + 1, hi.i + 1];
        continue;
      }
      if (segmentsMeet(e.a, e.b, f.a, f.b)) return [lo.i + 1, hi.i + 1];
    }
  }
  return null;
}
