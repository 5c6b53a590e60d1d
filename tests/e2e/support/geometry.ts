export type Point = [number, number];

function inside(points: Point[], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The point inside the polygon farthest from its outline: safe from stroke and antialiasing. */
export function deepestPoint(points: Point[]): { point: Point; depth: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const step = Math.max(0.1, Math.min(x1 - x0, y1 - y0) / 60);
  let best = { point: [x0, y0] as Point, depth: -1 };
  for (let y = y0; y <= y1; y += step) {
    for (let x = x0; x <= x1; x += step) {
      if (!inside(points, x, y)) continue;
      const depth = Math.min(
        ...points.map((a, i) => distanceToSegment([x, y], a, points[(i + 1) % points.length]!)),
      );
      if (depth > best.depth) best = { point: [x, y], depth };
    }
  }
  return best;
}
