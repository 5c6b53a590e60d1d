import { newImage } from '../image';
import { fractalNoise } from '../noise';
import { setShaded, type SurfaceRenderer } from './surface';

const WOOD_TONES = [
  [196, 150, 102],
  [170, 120, 75],
  [214, 178, 130],
] as const;

/** Wood: growth rings as a sine across the grain, bent by fractal noise, in a brown tone. */
export const renderWood: SurfaceRenderer = (rng, width, height) => {
  const image = newImage(width, height, false);
  const warp = fractalNoise(rng, width, height, { cell: rng.range(60, 120), octaves: 4, persistence: 0.5 });
  const grain = fractalNoise(rng, width, height, { cell: 16, octaves: 2, persistence: 0.5, aspect: 6 });
  const tone = rng.pick(WOOD_TONES);
  const ringPeriod = rng.range(10, 22);
  const bend = rng.range(20, 50);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const ring = Math.sin(((y + warp[p]! * bend) / ringPeriod) * 2 * Math.PI);
      const shade = 0.82 + 0.1 * ring + (grain[p]! - 0.5) * 0.25 + (rng.next() - 0.5) * 0.04;
      setShaded(image, p, tone, shade);
    }
  }
  return { image, area: null, base: null };
};
