import type { Point } from '../../../contract/geometry';

// Clockwise on screen (y down): the component stays on the right-hand side.
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];
const EAST = 0;

/**
 * Traces the outer boundary of one labelled component along pixel edges, returning its corner
 * points in pixel-corner coordinates (a lone pixel at (3, 4) gives (3,4) (4,4) (4,5) (3,5)). The
 * outline encloses exactly the component's pixels, holes aside, so its area equals the pixel
 * count. Diagonal touches count as connected (8-connectivity), where the outline pinches.
 *
 * `start` must be the component's first pixel in raster order: nothing lies above or left of it.
 */
export function traceOuterContour(
  labels: Int32Array,
  width: number,
  height: number,
  label: number,
  start: number,
): Point[] {
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && labels[y * width + x] === label;
  const x0 = start % width;
  const y0 = (start - x0) / width;
  const points: Point[] = [[x0, y0]];
  let x = x0;
  let y = y0;
  let dir = EAST;
  const limit = 4 * (width + 1) * (height + 1);
  for (let step = 0; step < limit; step++) {
    x += DX[dir]!;
    y += DY[dir]!;
    if (x === x0 && y === y0) return points;
    // the two pixels ahead of vertex (x, y), left and right of the heading
    const aheadLeft = pixelAhead(x, y, dir, true);
    const aheadRight = pixelAhead(x, y, dir, false);
    let next = (dir + 1) % 4;
    if (inside(aheadLeft[0], aheadLeft[1])) next = (dir + 3) % 4;
    else if (inside(aheadRight[0], aheadRight[1])) next = dir;
    if (next !== dir) points.push([x, y]);
    dir = next;
  }
  throw new Error(`contour of component ${label} did not close`);
}

/** Pixels around vertex (x, y): TL (x−1, y−1), TR (x, y−1), BL (x−1, y), BR (x, y). */
function pixelAhead(x: number, y: number, dir: number, left: boolean): [number, number] {
  switch (dir) {
    case 0: // east
      return left ? [x, y - 1] : [x, y];
    case 1: // south
      return left ? [x, y] : [x - 1, y];
    case 2: // west
      return left ? [x - 1, y] : [x - 1, y - 1];
    default: // north
      return left ? [x - 1, y - 1] : [x, y - 1];
  }
}
