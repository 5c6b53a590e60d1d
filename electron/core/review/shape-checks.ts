import type { Shape } from '../../contract/geometry';
import type { DraftShape } from '../../contract/review';
import { AppError } from '../../contract/result';
import { doubleArea, onOneLine, selfIntersection } from '../../contract/polygon';

/** The image a shape must fit in; 0×0 when the file was never readable (then bounds are not known). */
export type ImageSize = { width: number; height: number };

function fail(where: string, problem: string): never {
  throw new AppError('INVALID_INPUT', `${where}: ${problem}`);
}

function outside(size: ImageSize, x0: number, y0: number, x1: number, y1: number): boolean {
  if (size.width <= 0 || size.height <= 0) return false;
  return x0 < 0 || y0 < 0 || x1 > size.width || y1 > size.height;
}

const sizeText = (size: ImageSize) => `${size.width}×${size.height}`;

function checkBox(shape: Extract<DraftShape, { kind: 'box' }>, size: ImageSize, where: string): Shape {
  const { x, y, w, h } = shape;
  if (!(w > 0 && h > 0)) fail(where, `a box needs a positive size, this one is ${w}×${h}`);
  if (outside(size, x, y, x + w, y + h)) fail(where, `the box reaches outside the ${sizeText(size)} image`);
  return { kind: 'box', x, y, w, h };
}

function checkPolygon(
  shape: Extract<DraftShape, { kind: 'polygon' }>,
  size: ImageSize,
  where: string,
): Shape {
  const { points } = shape;
  if (points.length < 3) fail(where, `a polygon needs at least 3 points, this one has ${points.length}`);
  points.forEach(([px, py], index) => {
    if (outside(size, px, py, px, py)) {
      fail(where, `point ${index + 1} (${px}, ${py}) lies outside the ${sizeText(size)} image`);
    }
    const [qx, qy] = points[(index + 1) % points.length]!;
    if (px === qx && py === qy) {
      fail(where, `points ${index + 1} and ${((index + 1) % points.length) + 1} are the same point`);
    }
  });
  if (onOneLine(points)) fail(where, 'the polygon has zero area (its points lie on one line)');
  const crossing = selfIntersection(points);
  if (crossing) fail(where, `the polygon crosses itself (edges ${crossing[0]} and ${crossing[1]} meet)`);
  if (doubleArea(points) === 0) fail(where, 'the polygon has zero area');
  return { kind: 'polygon', points: points.map(([px, py]) => [px, py]) };
}

function checkMask(shape: Extract<DraftShape, { kind: 'mask' }>, size: ImageSize, where: string): Shape {
  const { x, y, w, h, rle } = shape;
  if (w <= 0 || h <= 0) fail(where, `a mask needs a positive size, this one is ${w}×${h}`);
  if (outside(size, x, y, x + w, y + h)) {
    fail(where, `the mask (${x}, ${y}, ${w}×${h}) lies outside the ${sizeText(size)} image`);
  }
  let covered = 0;
  let foreground = 0;
  rle.forEach((run, index) => {
    covered += run;
    if (index % 2 === 1) foreground += run;
  });
  if (covered !== w * h)
    fail(where, `the mask's runs cover ${covered} pixels, its ${w}×${h} box has ${w * h}`);
  if (foreground === 0) fail(where, 'the mask is empty (no pixel is set)');
  return { kind: 'mask', x, y, w, h, rle: [...rle] };
}

/**
 * Judges a shape a tool produced and returns it in stored form. `where` names the region in the
 * message ("a.png: region 17"), so the user sees which one to fix and why.
 */
export function checkShape(shape: DraftShape, size: ImageSize, where: string): Shape {
  switch (shape.kind) {
    case 'box':
      return checkBox(shape, size, where);
    case 'polygon':
      return checkPolygon(shape, size, where);
    case 'mask':
      return checkMask(shape, size, where);
  }
}
