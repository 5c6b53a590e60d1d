import type { PolygonShape } from '../../../electron/contract';
import { doubleArea, onOneLine, selfIntersection } from '../../../electron/contract/polygon';
import { paintPath, round2 } from './style';
import type { DrawContext, Pt, Rect, RegionKind } from './types';

export function insidePolygon(points: readonly Pt[], [x, y]: Pt): boolean {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export function segmentDistance([px, py]: Pt, [ax, ay]: Pt, [bx, by]: Pt): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Index of the vertex within `tolerance` of p (nearest first), or -1. */
export function vertexAt(points: readonly Pt[], p: Pt, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  points.forEach((q, i) => {
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d <= bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Index of the edge (from point i to i+1) within `tolerance` of p, or -1. */
export function edgeAt(points: readonly Pt[], p: Pt, tolerance: number): number {
  let best = -1;
  let bestDistance = tolerance;
  points.forEach((a, i) => {
    const d = segmentDistance(p, a, points[(i + 1) % points.length]!);
    if (d <= bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

export function withVertex(shape: PolygonShape, afterEdge: number, p: Pt): PolygonShape {
  const points = [...shape.points];
  points.splice(afterEdge + 1, 0, p);
  return { kind: 'polygon', points };
}

export function withoutVertex(shape: PolygonShape, index: number): PolygonShape {
  return { kind: 'polygon', points: shape.points.filter((_, i) => i !== index) };
}

export function movedVertex(shape: PolygonShape, index: number, p: Pt): PolygonShape {
  return { kind: 'polygon', points: shape.points.map((q, i) => (i === index ? p : q)) };
}

function bounds(s: PolygonShape): Rect {
  const xs = s.points.map((p) => p[0]);
  const ys = s.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

function trace(ctx: DrawContext, s: PolygonShape): void {
  s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

export const polygon: RegionKind<PolygonShape> = {
  kind: 'polygon',
  bounds,
  area: (s) => Math.abs(doubleArea(s.points)) / 2,
  contains: (s, p, tolerance) => insidePolygon(s.points, p) || edgeAt(s.points, p, tolerance) >= 0,
  translate: (s, dx, dy) => ({ kind: 'polygon', points: s.points.map(([x, y]) => [x + dx, y + dy]) }),
  resize(s, to) {
    const from = bounds(s);
    const kx = from.w ? to.w / from.w : 1;
    const ky = from.h ? to.h / from.h : 1;
    return {
      kind: 'polygon',
      points: s.points.map(([x, y]) => [to.x + (x - from.x) * kx, to.y + (y - from.y) * ky]),
    };
  },
  draw(ctx, s, look) {
    ctx.beginPath();
    trace(ctx, s);
    paintPath(ctx, look);
  },
  trace,
  problem(s, size) {
    const { points } = polygon.toDraft(s) as PolygonShape;
    if (points.length < 3) return `a polygon needs at least 3 points, this one has ${points.length}`;
    const out = points.findIndex(([x, y]) => x < 0 || y < 0 || x > size.width || y > size.height);
    if (out >= 0) return `point ${out + 1} lies outside the ${size.width}×${size.height} image`;
    if (onOneLine(points)) return 'the polygon has zero area (its points lie on one line)';
    const crossing = selfIntersection(points);
    if (crossing) return `the polygon crosses itself (edges ${crossing[0]} and ${crossing[1]} meet)`;
    if (Math.abs(doubleArea(points)) < 1e-6) return 'the polygon has zero area';
    return null;
  },
  toDraft(s) {
    // Rounding may make neighbours equal; the store refuses repeated points, so they are merged.
    const points: Pt[] = [];
    for (const [x, y] of s.points) {
      const p: Pt = [round2(x), round2(y)];
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    const first = points[0];
    const last = points[points.length - 1];
    if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
    return { kind: 'polygon', points };
  },
};
