import type { Shape } from '../../contract/geometry';
import { shapeBounds } from '../geometry/shape-bounds';
import type { PredictedRegion } from '../inference/types';
import { positionOf, whereAnswer, type RegionPlace } from '../mauset-qa';

/** Regions an L3 answer lists one by one; the rest are counted (a poor map may mark a hundred). */
export const PLACES_LISTED = 12;

/**
 * Where a shape's pixels sit on average: a polygon's area centroid, else its box's centre (the
 * export places a labelled region by its pixels' centroid; an outline's is the same point).
 */
function centreOf(shape: Shape, bbox: readonly [number, number, number, number]): [number, number] {
  if (shape.kind === 'polygon' && shape.points.length >= 3) {
    let [twiceArea, sx, sy] = [0, 0, 0];
    const points = shape.points;
    for (let i = 0; i < points.length; i++) {
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[(i + 1) % points.length]!;
      const cross = x0 * y1 - x1 * y0;
      twiceArea += cross;
      sx += (x0 + x1) * cross;
      sy += (y0 + y1) * cross;
    }
    if (Math.abs(twiceArea) > 1e-9) return [sx / (3 * twiceArea), sy / (3 * twiceArea)];
  }
  return [bbox[0] + bbox[2] / 2, bbox[1] + bbox[3] / 2];
}

/** The predicted regions as L3 names them: "r1", "r2", … in the prediction's order. */
export function regionPlaces(
  regions: readonly PredictedRegion[],
  width: number,
  height: number,
): RegionPlace[] {
  return regions.map((region, i) => {
    const bbox = shapeBounds(region.shape);
    const [cx, cy] = centreOf(region.shape, bbox);
    return { id: `r${i + 1}`, type: region.defectType, position: positionOf(cx, cy, width, height), bbox };
  });
}

/** The export's L3 answer for the regions the model listed, the first PLACES_LISTED by name. */
export function regionsAnswer(regions: readonly PredictedRegion[], width: number, height: number): string {
  const places = regionPlaces(regions.slice(0, PLACES_LISTED), width, height);
  return whereAnswer(places, Math.max(0, regions.length - PLACES_LISTED));
}
