import type { MaskShape, Point } from '../../contract';
import { maskPixels } from '../geometry/rle';

export type Outlines = {
  /** Closed outlines along pixel edges, in image coordinates; one per separate part. */
  polygons: Point[][];
  /** Pixels inside the outlines that are not in the mask (holes, which a polygon cannot keep). */
  holePixels: number;
};

// Sides of a pixel, walked clockwise on screen (y down): top →, right ↓, bottom ←, left ↑.
const DX = [0, 1, 0, -1];
const DY = [-1, 0, 1, 0];
const START_X = [0, 1, 1, 0];
const START_Y = [0, 0, 1, 1];

/**
 * The outer outlines of a mask, traced along pixel edges so that filling them (pixel centres
 * inside) gives back exactly the mask with its holes filled. Holes are background the outside
 * cannot reach; the outside is 8-connected, so a gap between two diagonal pixels is outside,
 * and the trace keeps such pixels apart (the outline may touch itself at that corner).
 */
export function maskOutlines(mask: MaskShape): Outlines {
  const W = mask.w + 2;
  const H = mask.h + 2;
  const pixels = maskPixels(mask);
  const filled = new Uint8Array(W * H);
  let area = 0;
  for (let y = 0; y < mask.h; y++) {
    for (let x = 0; x < mask.w; x++) {
      if (!pixels[y * mask.w + x]) continue;
      area++;
      filled[(y + 1) * W + x + 1] = 1;
    }
  }
  markOutside(filled, W, H);
  let inside = 0;
  for (const v of filled) inside += v;
  return { polygons: trace(filled, W, H, mask.x - 1, mask.y - 1), holePixels: inside - area };
}

/** Clears `filled` where background reaches the padded border (8-connected); holes stay set. */
function markOutside(filled: Uint8Array, W: number, H: number): void {
  const outside = new Uint8Array(W * H);
  const stack = [0];
  outside[0] = 1;
  while (stack.length > 0) {
    const p = stack.pop()!;
    const px = p % W;
    const py = (p - px) / W;
    for (let ny = Math.max(0, py - 1); ny <= Math.min(H - 1, py + 1); ny++) {
      for (let nx = Math.max(0, px - 1); nx <= Math.min(W - 1, px + 1); nx++) {
        const q = ny * W + nx;
        if (outside[q] || filled[q]) continue;
        outside[q] = 1;
        stack.push(q);
      }
    }
  }
  for (let i = 0; i < filled.length; i++) filled[i] = outside[i] ? 0 : 1;
}

function trace(filled: Uint8Array, W: number, H: number, offsetX: number, offsetY: number): Point[][] {
  const visited = new Uint8Array(W * H);
  const isBoundary = (p: number, side: number) => filled[p + DY[side]! * W + DX[side]!] === 0;
  const polygons: Point[][] = [];
  for (let start = 0; start < W * H; start++) {
    if (!filled[start]) continue;
    for (let side = 0; side < 4; side++) {
      if (visited[start]! & (1 << side) || !isBoundary(start, side)) continue;
      const points: Point[] = [];
      let [p, s, previous] = [start, side, -1];
      do {
        visited[p] = visited[p]! | (1 << s);
        if (s !== previous) {
          const x = (p % W) + START_X[s]!;
          const y = Math.floor(p / W) + START_Y[s]!;
          points.push([x + offsetX, y + offsetY]);
        }
        previous = s;
        [p, s] = next(p, s, W, isBoundary);
      } while (p !== start || s !== side);
      // The walk began mid-side when the last side runs on in the same direction.
      if (previous === side && points.length > 1) points.shift();
      polygons.push(points);
    }
  }
  return polygons;
}

/** After side `s` of pixel `p`: turn around `p` if its next side is open, else go straight, else turn away. */
function next(
  p: number,
  s: number,
  W: number,
  isBoundary: (p: number, side: number) => boolean,
): [number, number] {
  const right = (s + 1) % 4;
  if (isBoundary(p, right)) return [p, right];
  const ahead = p + DY[right]! * W + DX[right]!;
  if (isBoundary(ahead, s)) return [ahead, s];
  return [ahead + DY[s]! * W + DX[s]!, (s + 3) % 4];
}
