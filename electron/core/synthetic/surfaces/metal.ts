import { newImage } from '../image';
import { fractalNoise, valueNoise } from '../noise';
import { setGrey, type SurfaceRenderer } from './surface';

/**
 * Brushed metal: streaks from noise stretched along the brushing direction (long cells one way,
 * one-pixel cells the other), over a slow shading gradient and fine grain.
 */
export const renderMetal: SurfaceRenderer = (rng, width, height) => {
  const image = newImage(width, height, true);
  const vertical = rng.next() < 0.5;
  // Render with the streaks along x, then read transposed for vertical brushing.
  const [w, h] = vertical ? [height, width] : [width, height];
  const streaks = valueNoise(rng, w, h, rng.range(40, 120), 1);
  const fineStreaks = valueNoise(rng, w, h, rng.range(8, 20), 1);
  const shading = fractalNoise(rng, w, h, { cell: Math.max(w, h) / 2, octaves: 2, persistence: 0.5 });
  const level = rng.range(120, 170);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const value =
        level +
        (streaks[i]! - 0.5) * 40 +
        (fineStreaks[i]! - 0.5) * 18 +
        (shading[i]! - 0.5) * 50 +
        (rng.next() - 0.5) * 8;
      setGrey(image, vertical ? x * width + y : i, value);
    }
  }
  return { image, area: null, base: null };
};
