import type { Point, Region, Shape } from '../../../contract';
import { positionOf, type PositionWord } from '../../mauset-qa';
import { paintShape } from '../rasterise';

/** One region measured on the image: the exact pixels a mask of it holds, and what L3/L4 say. */
export type RegionFacts<R extends { shape: Shape } = Region> = {
  region: R;
  /** "r1", "r2", … in the label's region order. */
  id: string;
  /** Full-image 0/1 bitmap of the region (pixel-centre rule for boxes and polygons). */
  bitmap: Uint8Array;
  areaPx: number;
  bbox: [number, number, number, number];
  polygon: Point[] | null;
  position: PositionWord;
  fillRatio: number;
};

export function regionFacts<R extends { shape: Shape }>(
  region: R,
  index: number,
  width: number,
  height: number,
): RegionFacts<R> {
  const bitmap = new Uint8Array(width * height);
  const areaPx = paintShape(bitmap, width, height, region.shape);
  const bbox = boundingBox(region);
  let [sumX, sumY] = [0, 0];
  const span = pixelSpan(bbox, width, height);
  for (let y = span.y0; areaPx > 0 && y < span.y1; y++) {
    for (let x = span.x0; x < span.x1; x++) {
      if (!bitmap[y * width + x]) continue;
      sumX += x + 0.5;
      sumY += y + 0.5;
    }
  }
  // A region too thin to cover a pixel centre still has a place: the middle of its box.
  const [cx, cy] =
    areaPx > 0 ? [sumX / areaPx, sumY / areaPx] : [bbox[0] + bbox[2] / 2, bbox[1] + bbox[3] / 2];
  const boxPixels = Math.max(1, Math.ceil(bbox[2]) * Math.ceil(bbox[3]));
  return {
    region,
    id: `r${index + 1}`,
    bitmap,
    areaPx,
    bbox,
    polygon: region.shape.kind === 'polygon' ? region.shape.points : null,
    position: positionOf(cx, cy, width, height),
    fillRatio: Math.min(1, areaPx / boxPixels),
  };
}

function boundingBox(region: { shape: Shape }): [number, number, number, number] {
  const shape = region.shape;
  if (shape.kind !== 'polygon') return [shape.x, shape.y, shape.w, shape.h];
  const xs = shape.points.map((p) => p[0]);
  const ys = shape.points.map((p) => p[1]);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return [x, y, Math.max(...xs) - x, Math.max(...ys) - y];
}

/** The whole pixels of the image a box can touch: loops over a region cost its size, not the image's. */
export function pixelSpan(
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
): { x0: number; y0: number; x1: number; y1: number } {
  const [x, y, w, h] = bbox;
  return {
    x0: Math.max(0, Math.floor(x)),
    y0: Math.max(0, Math.floor(y)),
    x1: Math.min(width, Math.ceil(x + w)),
    y1: Math.min(height, Math.ceil(y + h)),
  };
}
