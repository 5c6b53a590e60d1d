import type { Shape } from '../../contract/geometry';

/** [x, y, w, h] of a shape's bounding box, in its own (source-image) pixels. */
export function shapeBounds(shape: Shape): [number, number, number, number] {
  if (shape.kind !== 'polygon') return [shape.x, shape.y, shape.w, shape.h];
  const xs = shape.points.map((p) => p[0]);
  const ys = shape.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return [x, y, Math.max(...xs) - x, Math.max(...ys) - y];
}
