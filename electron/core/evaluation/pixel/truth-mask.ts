import type { Point, Shape } from '../../../contract/geometry';
import { fillOutlines } from '../../exchange/rasterise';
import { maskPixels } from '../../geometry/rle';

/**
 * The label regions of one image as a size×size 0/1 mask: grid pixel (i, j) stands for the
 * source point at its centre, ((i + ½)·W/size, (j + ½)·H/size), the same sampling the heat map
 * gets. A region too small to cover any grid centre still marks the grid pixel under its centre,
 * so a hairline scratch counts as one region instead of vanishing.
 */
export function truthMask(shapes: readonly Shape[], width: number, height: number, size: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  const sx = size / width;
  const sy = size / height;
  for (const shape of shapes) {
    const painted =
      shape.kind === 'mask'
        ? paintMask(mask, shape, width, height, size)
        : paintOutline(mask, outlineOf(shape), sx, sy, size);
    if (!painted) markCentre(mask, shape, sx, sy, size);
  }
  return mask;
}

function outlineOf(shape: Exclude<Shape, { kind: 'mask' }>): Point[] {
  if (shape.kind === 'polygon') return shape.points;
  const { x, y, w, h } = shape;
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

function paintOutline(
  mask: Uint8Array,
  outline: readonly Point[],
  sx: number,
  sy: number,
  size: number,
): number {
  const scaled = outline.map(([x, y]): Point => [x * sx, y * sy]);
  const filled = fillOutlines([scaled], { x: 0, y: 0, w: size, h: size });
  let painted = 0;
  for (let i = 0; i < filled.length; i++) {
    if (!filled[i]) continue;
    mask[i] = 1;
    painted++;
  }
  return painted;
}

function paintMask(
  mask: Uint8Array,
  shape: Extract<Shape, { kind: 'mask' }>,
  width: number,
  height: number,
  size: number,
): number {
  const pixels = maskPixels(shape);
  const i0 = Math.max(0, Math.floor((shape.x * size) / width));
  const i1 = Math.min(size - 1, Math.ceil(((shape.x + shape.w) * size) / width));
  const j0 = Math.max(0, Math.floor((shape.y * size) / height));
  const j1 = Math.min(size - 1, Math.ceil(((shape.y + shape.h) * size) / height));
  let painted = 0;
  for (let j = j0; j <= j1; j++) {
    const my = Math.floor(((j + 0.5) * height) / size) - shape.y;
    if (my < 0 || my >= shape.h) continue;
    for (let i = i0; i <= i1; i++) {
      const mx = Math.floor(((i + 0.5) * width) / size) - shape.x;
      if (mx < 0 || mx >= shape.w || !pixels[my * shape.w + mx]) continue;
      mask[j * size + i] = 1;
      painted++;
    }
  }
  return painted;
}

function markCentre(mask: Uint8Array, shape: Shape, sx: number, sy: number, size: number): void {
  let cx: number;
  let cy: number;
  if (shape.kind === 'polygon') {
    cx = shape.points.reduce((s, p) => s + p[0], 0) / shape.points.length;
    cy = shape.points.reduce((s, p) => s + p[1], 0) / shape.points.length;
  } else {
    cx = shape.x + shape.w / 2;
    cy = shape.y + shape.h / 2;
  }
  const i = Math.min(size - 1, Math.max(0, Math.floor(cx * sx)));
  const j = Math.min(size - 1, Math.max(0, Math.floor(cy * sy)));
  mask[j * size + i] = 1;
}
