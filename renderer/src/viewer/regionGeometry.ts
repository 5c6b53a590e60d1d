import type { Shape } from '../../../electron/contract';
import { maskArea } from './rle';
import type { Rect } from './camera';

export function shapeBounds(shape: Shape): Rect {
  if (shape.kind === 'box' || shape.kind === 'mask')
    return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
  const xs = shape.points.map((p) => p[0]);
  const ys = shape.points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Shoelace area of a polygon, in square pixels. */
function polygonArea(points: [number, number][]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i] ?? [0, 0];
    const [x2, y2] = points[(i + 1) % points.length] ?? [0, 0];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

export function shapeArea(shape: Shape): number {
  if (shape.kind === 'box') return shape.w * shape.h;
  if (shape.kind === 'mask') return maskArea(shape);
  return polygonArea(shape.points);
}

/** "38×21 px · 511 px²": the bounding size a reviewer compares against the defect book. */
export function sizeText(shape: Shape): string {
  const b = shapeBounds(shape);
  return `${Math.round(b.w)}×${Math.round(b.h)} px · ${Math.round(shapeArea(shape))} px²`;
}
