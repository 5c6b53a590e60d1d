import type { Point, Shape } from '../../contract';

export type ImageSize = { width: number; height: number };
export type ShapeCheck = { ok: true; shape: Shape } | { ok: false; reason: string };

/**
 * Annotators click on the image border and tools round differently, so a shape up to this far
 * outside is clamped silently; anything further is a real mismatch (wrong image, wrong size).
 */
const EDGE_TOLERANCE = 1;

/**
 * Accepts a shape that is a real region of an image of `size` (null: size unknown, only the
 * geometry is checked). Reasons read after "shape 3 " in a problem line.
 */
export function checkShape(shape: Shape, size: ImageSize | null): ShapeCheck {
  if (shape.kind === 'polygon') return checkPolygon(shape.points, size);
  if (shape.kind === 'box') {
    const { x, y, w, h } = shape;
    if (![x, y, w, h].every(Number.isFinite))
      return { ok: false, reason: 'has a coordinate that is not a number' };
    if (w <= 0 || h <= 0) return { ok: false, reason: `has zero area (${w}x${h})` };
    const corners: Point[] = [
      [x, y],
      [x + w, y + h],
    ];
    const clamped = clampPoints(corners, size);
    if (!clamped.ok) return clamped;
    const [[x0, y0], [x1, y1]] = clamped.points as [Point, Point];
    if (x1 <= x0 || y1 <= y0)
      return { ok: false, reason: `lies on the image border (${w}x${h} at ${x}, ${y})` };
    return { ok: true, shape: { kind: 'box', x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
  }
  if (
    shape.x < 0 ||
    shape.y < 0 ||
    (size && (shape.x + shape.w > size.width || shape.y + shape.h > size.height))
  ) {
    const where = size ? `the ${size.width}x${size.height} image` : 'the image';
    return {
      ok: false,
      reason: `reaches outside ${where} (${shape.w}x${shape.h} mask at ${shape.x}, ${shape.y})`,
    };
  }
  return { ok: true, shape };
}

function checkPolygon(points: Point[], size: ImageSize | null): ShapeCheck {
  if (points.length < 3) return { ok: false, reason: `has ${points.length} points, a polygon needs ≥ 3` };
  if (!points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y))) {
    return { ok: false, reason: 'has a coordinate that is not a number' };
  }
  const clamped = clampPoints(points, size);
  if (!clamped.ok) return clamped;
  if (polygonArea(clamped.points) === 0) return { ok: false, reason: 'has zero area' };
  return { ok: true, shape: { kind: 'polygon', points: clamped.points } };
}

type Clamped = { ok: true; points: Point[] } | { ok: false; reason: string };

function clampPoints(points: Point[], size: ImageSize | null): Clamped {
  if (!size) return { ok: true, points };
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const [x, y] = points[i] as Point;
    const t = EDGE_TOLERANCE;
    if (x < -t || y < -t || x > size.width + t || y > size.height + t) {
      return {
        ok: false,
        reason: `reaches outside the ${size.width}x${size.height} image (point ${i + 1} at ${x}, ${y})`,
      };
    }
    out.push([Math.min(Math.max(x, 0), size.width), Math.min(Math.max(y, 0), size.height)]);
  }
  return { ok: true, points: out };
}

/** Absolute shoelace area in square pixels. */
export function polygonArea(points: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i] as Point;
    const [x1, y1] = points[(i + 1) % points.length] as Point;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
