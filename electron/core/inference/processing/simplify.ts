import type { Point } from '../../../contract/geometry';

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on the open chain points[from..to], marking vertices to keep. */
function reduce(points: Point[], from: number, to: number, tolerance: number, keep: Uint8Array): void {
  let worst = -1;
  let index = -1;
  for (let i = from + 1; i < to; i++) {
    const d = distanceToSegment(points[i]!, points[from]!, points[to]!);
    if (d > worst) {
      worst = d;
      index = i;
    }
  }
  if (index < 0 || worst <= tolerance) return;
  keep[index] = 1;
  reduce(points, from, index, tolerance, keep);
  reduce(points, index, to, tolerance, keep);
}

/**
 * Simplifies a closed outline: split at the vertex farthest from the first one, reduce both
 * halves. Stair steps of a pixel outline collapse into straight edges at tolerance ≈ 0.75 px.
 * Returns the input when fewer than three vertices would survive.
 */
export function simplifyClosed(points: Point[], tolerance: number): Point[] {
  if (points.length <= 3 || tolerance <= 0) return points;
  const first = points[0]!;
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(points[i]![0] - first[0], points[i]![1] - first[1]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  const ring = [...points, first];
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[far] = 1;
  reduce(ring, 0, far, tolerance, keep);
  reduce(ring, far, ring.length - 1, tolerance, keep);
  const kept = points.filter((_, i) => keep[i] === 1);
  return kept.length >= 3 ? kept : points;
}

/** Drops repeated vertices (clipping to the image edge can merge neighbours). */
export function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const head = out[0];
  const tail = out[out.length - 1];
  if (out.length > 1 && head && tail && head[0] === tail[0] && head[1] === tail[1]) out.pop();
  return out;
}
