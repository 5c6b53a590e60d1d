import type { BoxShape, Point, Shape } from '../../contract';
import { decodeCocoString, maskFromColumnMajor } from './coco-rle';
import { CocoPolygon, CocoRle, describeIssue, type CocoAnnotation } from './coco-schema';
import { checkShape, type ImageSize } from './shape-checks';

/** The regions of one annotation, or why none, starting with the field: `segmentation.size: …`. */
export type AnnotationShapes = { shapes: Shape[]; notes: string[] } | { reason: string };

/**
 * One COCO annotation as regions: RLE (list or compressed counts) as a mask cropped to its
 * bounding box, each polygon as a polygon (an axis-aligned rectangle as a box), and an
 * annotation without a segmentation as its bbox.
 */
export function annotationShapes(annotation: CocoAnnotation, size: ImageSize): AnnotationShapes {
  const { segmentation } = annotation;
  if (isRecord(segmentation)) return rleShape(segmentation, size);
  if (Array.isArray(segmentation) && segmentation.length > 0)
    return polygonShapes(segmentation, annotation, size);
  if (!annotation.bbox) return { reason: 'segmentation: missing, and there is no bbox either' };
  const [x, y, w, h] = annotation.bbox;
  const check = checkShape({ kind: 'box', x, y, w, h }, size);
  return check.ok ? { shapes: [check.shape], notes: [] } : { reason: `bbox: ${check.reason}` };
}

function rleShape(segmentation: Record<string, unknown>, size: ImageSize): AnnotationShapes {
  const parsed = CocoRle.safeParse(segmentation);
  if (!parsed.success) return { reason: describeIssue('segmentation', parsed.error) };
  const [height, width] = parsed.data.size;
  if (width !== size.width || height !== size.height) {
    return {
      reason: `segmentation.size: is [${height}, ${width}], the image is ${size.width}x${size.height}`,
    };
  }
  try {
    const { counts } = parsed.data;
    const mask = maskFromColumnMajor(
      typeof counts === 'string' ? decodeCocoString(counts) : counts,
      width,
      height,
    );
    return mask ? { shapes: [mask], notes: [] } : { reason: 'segmentation: the mask is empty' };
  } catch (error) {
    return { reason: `segmentation.counts: ${(error as Error).message}` };
  }
}

function polygonShapes(list: unknown[], annotation: CocoAnnotation, size: ImageSize): AnnotationShapes {
  const shapes: Shape[] = [];
  for (const [i, raw] of list.entries()) {
    const parsed = CocoPolygon.safeParse(raw);
    if (!parsed.success) return { reason: describeIssue(`segmentation[${i}]`, parsed.error) };
    const points: Point[] = [];
    for (let p = 0; p < parsed.data.length; p += 2) points.push([parsed.data[p]!, parsed.data[p + 1]!]);
    const shape = rectangleToBox(points, annotation.bbox) ?? { kind: 'polygon' as const, points };
    const check = checkShape(shape, size);
    if (!check.ok) return { reason: `segmentation[${i}]: ${check.reason}` };
    shapes.push(check.shape);
  }
  const notes =
    shapes.length > 1
      ? [`segmentation has ${shapes.length} polygons; imported as ${shapes.length} regions`]
      : [];
  return { shapes, notes };
}

const SAME = 1e-9;

/**
 * Four points on the corners of an axis-aligned rectangle, in order, are a box: the shape
 * exporters write for one. The bbox, when it describes the same rectangle, gives its exact
 * numbers (x + w − x is not always w in floating point).
 */
export function rectangleToBox(points: readonly Point[], bbox?: readonly number[]): BoxShape | null {
  if (points.length !== 4) return null;
  // Sides alternate between horizontal and vertical, none of zero length: a rectangle.
  const horizontal = (i: number) => {
    const [ax, ay] = points[i % 4]!;
    const [bx, by] = points[(i + 1) % 4]!;
    if (Math.abs(ay - by) <= SAME && Math.abs(ax - bx) > SAME) return true;
    if (Math.abs(ax - bx) <= SAME && Math.abs(ay - by) > SAME) return false;
    return null;
  };
  const first = horizontal(0);
  if (first === null) return null;
  for (let i = 1; i < 4; i++) if (horizontal(i) !== (i % 2 === 0 ? first : !first)) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const box: BoxShape = {
    kind: 'box',
    x: Math.min(...xs),
    y: Math.min(...ys),
    w: Math.max(...xs) - Math.min(...xs),
    h: Math.max(...ys) - Math.min(...ys),
  };
  if (
    bbox &&
    bbox.length === 4 &&
    bbox.every((v, i) => Math.abs(v - [box.x, box.y, box.w, box.h][i]!) <= 1e-6)
  ) {
    return { kind: 'box', x: bbox[0]!, y: bbox[1]!, w: bbox[2]!, h: bbox[3]! };
  }
  return box;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
