import type { Point, Shape } from '../../contract';
import { columnMajorCounts } from '../datasets/coco-rle';
import { polygonArea } from '../datasets/shape-checks';
import { maskPixels, maskShapeFromBitmap, rleArea } from '../geometry/rle';

export type CocoGeometry = {
  segmentation: number[][] | { size: [number, number]; counts: number[] };
  area: number;
  bbox: [number, number, number, number];
};

/**
 * A region's COCO geometry: a polygon as one polygon, a box as its bbox plus the 4-point
 * polygon tools expect, a mask as uncompressed RLE over the whole image (column-major, as
 * pycocotools reads it), tightened to its set pixels. Null for a mask without set pixels.
 */
export function cocoGeometry(shape: Shape, width: number, height: number): CocoGeometry | null {
  switch (shape.kind) {
    case 'box': {
      const { x, y, w, h } = shape;
      return { segmentation: [[x, y, x + w, y, x + w, y + h, x, y + h]], area: w * h, bbox: [x, y, w, h] };
    }
    case 'polygon':
      return {
        segmentation: [shape.points.flat()],
        area: polygonArea(shape.points),
        bbox: extent(shape.points),
      };
    case 'mask': {
      const tight = maskShapeFromBitmap(maskPixels(shape), shape.w, shape.h);
      if (!tight) return null;
      const mask = { ...tight, x: tight.x + shape.x, y: tight.y + shape.y };
      return {
        segmentation: { size: [height, width], counts: columnMajorCounts(mask, width, height) },
        area: rleArea(mask.rle),
        bbox: [mask.x, mask.y, mask.w, mask.h],
      };
    }
  }
}

function extent(points: readonly Point[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}
