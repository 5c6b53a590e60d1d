import type { Point, Shape } from '../../contract';
import { maskPixels } from '../geometry/rle';

/** A pixel rectangle of the image: what a bitmap covers. */
export type Grid = { x: number; y: number; w: number; h: number };

/**
 * Even-odd fill of one or more closed outlines over `grid`: a pixel is set when its centre is
 * inside. Centres sit on half pixels, so an outline along pixel edges (a traced mask) comes
 * back exactly, and outlines that touch at a corner or run twice along an edge do no harm.
 */
export function fillOutlines(outlines: readonly (readonly Point[])[], grid: Grid): Uint8Array {
  const bitmap = new Uint8Array(grid.w * grid.h);
  const crossings: number[] = [];
  for (let row = 0; row < grid.h; row++) {
    const yc = grid.y + row + 0.5;
    crossings.length = 0;
    for (const points of outlines) {
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]!;
        const [bx, by] = points[(i + 1) % points.length]!;
        if (ay <= yc !== by <= yc) crossings.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const from = Math.max(0, Math.ceil(crossings[i]! - 0.5 - grid.x));
      const to = Math.min(grid.w, Math.ceil(crossings[i + 1]! - 0.5 - grid.x));
      if (to > from) bitmap.fill(1, row * grid.w + from, row * grid.w + to);
    }
  }
  return bitmap;
}

/** Sets the pixels of `shape` in a full-image bitmap; returns how many it covers. */
export function paintShape(bitmap: Uint8Array, width: number, height: number, shape: Shape): number {
  const image: Grid = { x: 0, y: 0, w: width, h: height };
  let covered = 0;
  if (shape.kind === 'mask') {
    const pixels = maskPixels(shape);
    for (let y = 0; y < shape.h; y++) {
      for (let x = 0; x < shape.w; x++) {
        const ix = shape.x + x;
        const iy = shape.y + y;
        if (!pixels[y * shape.w + x] || ix >= width || iy >= height) continue;
        bitmap[iy * width + ix] = 1;
        covered++;
      }
    }
    return covered;
  }
  const outline: Point[] =
    shape.kind === 'box'
      ? [
          [shape.x, shape.y],
          [shape.x + shape.w, shape.y],
          [shape.x + shape.w, shape.y + shape.h],
          [shape.x, shape.y + shape.h],
        ]
      : shape.points;
  const grid = clip(boundsOf(outline), image);
  if (!grid) return 0;
  const filled = fillOutlines([outline], grid);
  for (let y = 0; y < grid.h; y++) {
    for (let x = 0; x < grid.w; x++) {
      if (!filled[y * grid.w + x]) continue;
      bitmap[(grid.y + y) * width + grid.x + x] = 1;
      covered++;
    }
  }
  return covered;
}

/** The whole pixels an outline can touch. */
export function boundsOf(points: readonly Point[]): Grid {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const x = Math.floor(x0);
  const y = Math.floor(y0);
  return { x, y, w: Math.ceil(x1) - x, h: Math.ceil(y1) - y };
}

function clip(grid: Grid, image: Grid): Grid | null {
  const x = Math.max(grid.x, image.x);
  const y = Math.max(grid.y, image.y);
  const w = Math.min(grid.x + grid.w, image.x + image.w) - x;
  const h = Math.min(grid.y + grid.h, image.y + image.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}
