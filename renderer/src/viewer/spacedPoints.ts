type Pt = readonly [number, number];

/**
 * Which of a polygon's points get a handle drawn at this zoom: walking the outline, a point is
 * skipped while it sits closer than `gap` (image units) to the last one drawn, so a dense traced
 * outline shows a readable row of handles instead of a pile. The kept point is always drawn, and
 * zooming in spreads the points until every one has its handle. Picking a corner does not depend
 * on this: the nearest corner within reach is taken, drawn or not.
 */
export function spacedPoints(points: readonly Pt[], gap: number, keep = -1): number[] {
  const drawn: number[] = [];
  let last: Pt | undefined;
  points.forEach((p, i) => {
    if (i === keep || !last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= gap) {
      drawn.push(i);
      last = p;
    }
  });
  // The outline closes: a last handle crowding the first one is dropped, unless it is the kept one.
  const first = points[drawn[0] ?? -1];
  const tail = drawn.at(-1);
  if (first && tail !== undefined && tail !== drawn[0] && tail !== keep) {
    const p = points[tail]!;
    if (Math.hypot(p[0] - first[0], p[1] - first[1]) < gap) drawn.pop();
  }
  return drawn;
}
