import { cloneImage, newImage } from '../image';
import { fractalNoise } from '../noise';
import type { Rng } from '../prng';
import { stampDisc } from '../raster';
import { setShaded, type SurfaceRenderer } from './surface';

const SUBSTRATE = [34, 112, 58];
const COPPER_FINISHES = [
  [206, 168, 84],
  [196, 196, 186],
] as const;

/** A bare board's solder mask with copper traces (Manhattan and 45° runs) ending in round pads. */
export const renderPcb: SurfaceRenderer = (rng, width, height) => {
  const board = newImage(width, height, false);
  const fibre = fractalNoise(rng, width, height, { cell: 24, octaves: 3, persistence: 0.6 });
  for (let p = 0; p < width * height; p++) setShaded(board, p, SUBSTRATE, 0.85 + 0.3 * fibre[p]!);
  const copper = new Uint8Array(width * height);
  const traces = rng.int(6, 12);
  for (let t = 0; t < traces; t++) drawTrace(rng, copper, width, height);
  for (let pads = rng.int(2, 5); pads > 0; pads--) {
    const x = rng.int(12, width - 12);
    const y = rng.int(12, height - 12);
    const gap = rng.int(8, 14);
    stampRect(copper, width, height, x - gap, y, rng.int(3, 5), rng.int(4, 7));
    stampRect(copper, width, height, x + gap, y, rng.int(3, 5), rng.int(4, 7));
  }
  const finish = rng.pick(COPPER_FINISHES);
  const image = cloneImage(board);
  for (let p = 0; p < copper.length; p++) {
    if (copper[p]) setShaded(image, p, finish, 0.9 + 0.2 * fibre[p]! + (rng.next() - 0.5) * 0.05);
  }
  return { image, area: null, base: board };
};

const DIRECTIONS = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
  [Math.SQRT1_2, Math.SQRT1_2],
  [-Math.SQRT1_2, Math.SQRT1_2],
] as const;

function drawTrace(rng: Rng, copper: Uint8Array, width: number, height: number): void {
  let x = rng.range(0, width);
  let y = rng.range(0, height);
  const radius = rng.range(1.5, 3);
  stampDisc(copper, width, height, x, y, radius * rng.range(1.8, 2.6));
  for (let segment = rng.int(2, 5); segment > 0; segment--) {
    const [dx, dy] = rng.pick(DIRECTIONS);
    const length = rng.range(20, width / 2);
    for (let s = 0; s < length; s += 0.7) stampDisc(copper, width, height, x + dx * s, y + dy * s, radius);
    x += dx * length;
    y += dy * length;
  }
  stampDisc(copper, width, height, x, y, radius * rng.range(1.8, 2.6));
}

function stampRect(
  bitmap: Uint8Array,
  width: number,
  height: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
): void {
  for (let y = Math.max(0, cy - hh); y <= Math.min(height - 1, cy + hh); y++) {
    bitmap.fill(1, y * width + Math.max(0, cx - hw), y * width + Math.min(width, cx + hw + 1));
  }
}
