import type { Pt } from '../regions/types';

const apart = (a: Readonly<Pt>, b: Readonly<Pt>, gap: number) => Math.hypot(a[0] - b[0], a[1] - b[1]) >= gap;

/**
 * Which of a polygon's points get a handle drawn at this zoom: walking the outline, a point is
 * skipped while it sits closer than `gap` (image units) to the last one drawn or to the kept
 * one, so a dense traced outline shows a readable row of handles instead of a pile. The kept
 * point (the picked corner) is always drawn, and zooming in spreads the points until every one
 * has its handle. Picking a corner does not depend on this: the nearest corner within reach is
 * taken, drawn or not.
 */
export function spacedPoints(points: readonly Readonly<Pt>[], gap: number, keep = -1): number[] {
  const kept = points[keep];
  const drawn: number[] = [];
  points.forEach((p, i) => {
    const last = points[drawn.at(-1) ?? -1];
    const clear = (!last || apart(p, last, gap)) && (!kept || apart(p, kept, gap));
    if (i === keep || clear) drawn.push(i);
  });
  // The outline closes: a last handle crowding the first one is dropped, unless it is the kept one.
  const tail = drawn.at(-1)!;
  if (drawn.length > 1 && tail !== keep && !apart(points[tail]!, points[drawn[0]!]!, gap)) drawn.pop();
  return drawn;
}
