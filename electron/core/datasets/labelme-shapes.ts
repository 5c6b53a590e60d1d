import type { Point, Shape } from '../../contract';
import { maskShapeFromBitmap } from '../geometry/rle';
import { decodeMaskBytes } from '../media/mask';

/** A shape converted, or why not ("is a line, not a region"); reasons read after "shape 3 ". */
export type Converted = { shape: Shape } | { reason: string };

const NOT_REGIONS = new Set(['line', 'linestrip', 'point', 'points']);

/** One LabelMe shape (polygon, rectangle, circle or mask) as one of our region shapes. */
export async function convertShape(raw: Record<string, unknown>): Promise<Converted> {
  const type = raw.shape_type ?? 'polygon'; // LabelMe before 3.x wrote no type: polygons
  if (typeof type !== 'string') return { reason: 'has a shape_type that is not text' };
  if (NOT_REGIONS.has(type)) return { reason: `is a ${type}, not a region; skipped` };
  const points = pointsOf(raw.points);
  if (!points) return { reason: 'has points that are not [x, y] number pairs' };
  switch (type) {
    case 'polygon':
      return { shape: { kind: 'polygon', points } };
    case 'rectangle':
      return rectangle(points);
    case 'circle':
      return circle(points);
    case 'mask':
      return mask(points, raw.mask);
    default:
      return { reason: `has an unknown shape_type "${type}"` };
  }
}

function pointsOf(value: unknown): Point[] | null {
  if (!Array.isArray(value)) return null;
  const points: Point[] = [];
  for (const p of value) {
    if (!Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      return null;
    points.push([p[0], p[1]]);
  }
  return points;
}

function rectangle(points: Point[]): Converted {
  // Two opposite corners in LabelMe; some converters write all four, so take the extent.
  if (points.length !== 2 && points.length !== 4)
    return { reason: `has ${points.length} points, a rectangle needs 2` };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { shape: { kind: 'box', x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y } };
}

/** A circle (centre, point on the rim) as a polygon within half a pixel of the true circle. */
function circle(points: Point[]): Converted {
  if (points.length !== 2) return { reason: `has ${points.length} points, a circle needs 2` };
  const [[cx, cy], [px, py]] = points as [Point, Point];
  const r = Math.hypot(px - cx, py - cy);
  if (r < 0.5) return { reason: 'has zero area (radius below half a pixel)' };
  const sides = Math.min(128, Math.max(8, Math.ceil(Math.PI / Math.acos(1 - 0.5 / Math.max(r, 1)))));
  const polygon: Point[] = [];
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides;
    polygon.push([round3(cx + r * Math.cos(a)), round3(cy + r * Math.sin(a))]);
  }
  return { shape: { kind: 'polygon', points: polygon } };
}

/**
 * LabelMe 5 mask: two corner points and a base64 PNG of the crop between them, placed at the
 * truncated first corner (as labelme's shapes_to_label does), then tightened to its set pixels.
 */
async function mask(points: Point[], data: unknown): Promise<Converted> {
  if (points.length !== 2) return { reason: `has ${points.length} points, a mask needs 2 corners` };
  if (typeof data !== 'string' || data === '') return { reason: 'is a mask without mask data' };
  let decoded;
  try {
    decoded = await decodeMaskBytes(Buffer.from(data, 'base64'));
  } catch (error) {
    return { reason: `has mask data that is not a readable image (${(error as Error).message})` };
  }
  const crop = maskShapeFromBitmap(decoded.bitmap, decoded.width, decoded.height);
  if (!crop) return { reason: 'has an empty mask' };
  const [[ax, ay], [bx, by]] = points as [Point, Point];
  const x0 = Math.trunc(Math.min(ax, bx));
  const y0 = Math.trunc(Math.min(ay, by));
  return { shape: { ...crop, x: crop.x + x0, y: crop.y + y0 } };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
