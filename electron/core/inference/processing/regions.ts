import type { Point, Shape } from '../../../contract/geometry';
import type { PredictedRegion } from '../types';
import { labelComponents, type ComponentStats } from './components';
import { traceOuterContour } from './contour';
import { dedupe, simplifyClosed } from './simplify';

export type RegionOptions = {
  /** Components smaller than this many source pixels are dropped. */
  minAreaPx?: number;
  /** Outline simplification in map pixels (0 keeps every corner). */
  simplifyTolerance?: number;
  maxRegions?: number;
  defectType?: string | null;
};

/** Where a map lies in the source image: corner (u, v) of the map maps to toSource(u, v). */
export type MapPlacement = {
  toSource: (u: number, v: number) => Point;
  /** Source pixels per map pixel. */
  pixelArea: number;
};

/** Peak of `values` per component label, in one pass over the map. */
function peaks(values: ArrayLike<number>, labels: Int32Array, count: number): Float64Array {
  const best = new Float64Array(count + 1).fill(-Infinity);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label !== 0 && values[i]! > best[label]!) best[label] = values[i]!;
  }
  return best;
}

function shapeOf(outline: Point[], c: ComponentStats, place: MapPlacement): Shape {
  const polygon = dedupe(outline.map(([u, v]) => place.toSource(u, v)));
  if (polygon.length >= 3) return { kind: 'polygon', points: polygon };
  const [x1, y1] = place.toSource(c.minX, c.minY);
  const [x2, y2] = place.toSource(c.maxX + 1, c.maxY + 1);
  return { kind: 'box', x: x1, y: y1, w: Math.max(0, x2 - x1), h: Math.max(0, y2 - y1) };
}

/**
 * Foreground mask → one region per 8-connected component: an outline traced along pixel edges,
 * simplified, mapped into source pixels; the area in source pixels; the peak of `values` inside
 * as its score. Sorted by score, highest first.
 */
export function regionsFromMask(
  mask: ArrayLike<number>,
  values: ArrayLike<number>,
  width: number,
  height: number,
  place: MapPlacement,
  options: RegionOptions = {},
): PredictedRegion[] {
  const { labels, components } = labelComponents(mask, width, height);
  const best = peaks(values, labels, components.length);
  // rank first, so only the regions kept are traced
  const kept = components
    .filter((c) => c.area * place.pixelArea >= (options.minAreaPx ?? 0))
    .sort((a, b) => best[b.label]! - best[a.label]! || a.label - b.label)
    .slice(0, options.maxRegions ?? components.length);
  return kept.map((c) => {
    const outline = simplifyClosed(
      traceOuterContour(labels, width, height, c.label, c.start),
      options.simplifyTolerance ?? 0,
    );
    return {
      defectType: options.defectType ?? null,
      score: best[c.label]!,
      shape: shapeOf(outline, c, place),
      areaPx: c.area * place.pixelArea,
    };
  });
}
