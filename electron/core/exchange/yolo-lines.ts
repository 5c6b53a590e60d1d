import type { MaskShape, Point, Shape } from '../../contract';
import { maskPixels } from '../geometry/rle';
import { shapeBounds } from '../geometry/shape-bounds';
import { maskOutlines } from './mask-contour';
import { fraction } from './names';
import { fillOutlines } from './rasterise';

export type YoloMode = 'detect' | 'segment';

/** The lines one region becomes, and what was lost on the way (reasons read after "region 7: "). */
export type YoloRegion = { lines: string[]; notes: string[] };

/** Below this pixel IoU a traced mask outline is noted as an approximation. */
const MIN_IOU = 0.99;

/**
 * A region as YOLO lines: `class cx cy w h` (detect) or `class x1 y1 …` (segment), all
 * fractions of the image size. Detect keeps only bounding boxes; segment keeps boxes and
 * polygons exactly and turns a mask into the outlines of its parts.
 */
export function yoloLines(
  shape: Shape,
  cls: number,
  width: number,
  height: number,
  mode: YoloMode,
): YoloRegion {
  if (mode === 'detect') {
    const [x, y, w, h] = shapeBounds(shape);
    const line = [
      cls,
      fraction((x + w / 2) / width),
      fraction((y + h / 2) / height),
      fraction(w / width),
      fraction(h / height),
    ];
    const notes = shape.kind === 'box' ? [] : [`${shape.kind}: YOLO detect keeps only its bounding box`];
    return { lines: [line.join(' ')], notes };
  }
  if (shape.kind === 'mask') return maskLines(shape, cls, width, height);
  const points: Point[] =
    shape.kind === 'polygon'
      ? shape.points
      : [
          [shape.x, shape.y],
          [shape.x + shape.w, shape.y],
          [shape.x + shape.w, shape.y + shape.h],
          [shape.x, shape.y + shape.h],
        ];
  return { lines: [polygonLine(points, cls, width, height)], notes: [] };
}

function maskLines(mask: MaskShape, cls: number, width: number, height: number): YoloRegion {
  const { polygons, holePixels } = maskOutlines(mask);
  if (polygons.length === 0) return { lines: [], notes: ['is an empty mask (no pixel set); not written'] };
  const lines = polygons.map((points) => polygonLine(points, cls, width, height));
  const notes: string[] = [];
  if (polygons.length > 1)
    notes.push(`mask has ${polygons.length} separate parts; written as ${polygons.length} polygons`);
  if (holePixels > 0)
    notes.push(`mask has holes (${holePixels} px) a YOLO polygon cannot keep; they are filled`);
  // Measured on the numbers as written, so rounding in the file would show here too.
  const readBack = polygons.map((points) =>
    points.map(([x, y]): Point => [
      Number(fraction(x / width)) * width,
      Number(fraction(y / height)) * height,
    ]),
  );
  const iou = pixelIou(mask, fillOutlines(readBack, mask));
  if (iou < MIN_IOU) notes.push(`mask outline approximates the mask: pixel IoU ${iou.toFixed(4)}`);
  return { lines, notes };
}

function polygonLine(points: readonly Point[], cls: number, width: number, height: number): string {
  const coords = points.map(([x, y]) => `${fraction(x / width)} ${fraction(y / height)}`);
  return `${cls} ${coords.join(' ')}`;
}

function pixelIou(mask: MaskShape, filled: Uint8Array): number {
  const pixels = maskPixels(mask);
  let both = 0;
  let either = 0;
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i] && filled[i]) both++;
    if (pixels[i] || filled[i]) either++;
  }
  return either === 0 ? 1 : both / either;
}
