import { cloneImage, newImage } from '../image';
import { fractalNoise } from '../noise';
import { setShaded, type SurfaceRenderer } from './surface';

const YARN_COLOURS = [
  [70, 90, 150],
  [150, 60, 60],
  [200, 190, 160],
  [90, 120, 80],
  [120, 120, 125],
] as const;

/**
 * Plain-weave textile: vertical warp and horizontal weft threads alternating over and under,
 * each thread shaded round across its width, on a dark backing that shows through the gaps.
 */
export const renderFabric: SurfaceRenderer = (rng, width, height) => {
  const backing = newImage(width, height, false);
  const period = rng.int(8, 14);
  const thread = period * rng.range(0.7, 0.85);
  const warp = rng.pick(YARN_COLOURS);
  const weft = warp.map((c) => c * rng.range(0.8, 1.1));
  const dye = fractalNoise(rng, width, height, { cell: 64, octaves: 3, persistence: 0.5 });
  const backingColour = [30, 28, 26];
  for (let p = 0; p < width * height; p++) setShaded(backing, p, backingColour, 0.8 + rng.next() * 0.4);
  const image = cloneImage(backing);
  // The profile across and along a thread repeats every period: worked out once per offset.
  const half = thread / 2;
  const inThread: boolean[] = [];
  const roundness = new Float32Array(period);
  const dip = new Float32Array(period);
  for (let k = 0; k < period; k++) {
    const offset = k + 0.5 - period / 2;
    inThread.push(Math.abs(offset) < half);
    roundness[k] = 0.45 + 0.6 * Math.cos((offset / half) * (Math.PI / 2));
    // Along the thread it dips where it goes under its neighbour: darker toward the cell edge.
    dip[k] = 1 - 0.25 * (offset / (period / 2)) ** 2;
  }
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / period);
    const v = y % period;
    for (let x = 0; x < width; x++) {
      const u = x % period;
      const inWarp = inThread[u]!;
      const inWeft = inThread[v]!;
      if (!inWarp && !inWeft) continue;
      const warpOnTop = (row + Math.floor(x / period)) % 2 === 0;
      const showWarp = inWarp && (!inWeft || warpOnTop);
      const profile = showWarp ? roundness[u]! * dip[v]! : roundness[v]! * dip[u]!;
      const shade = profile * (0.85 + 0.3 * dye[y * width + x]!) + (rng.next() - 0.5) * 0.06;
      setShaded(image, y * width + x, showWarp ? warp : weft, shade);
    }
  }
  return { image, area: null, base: backing };
};
