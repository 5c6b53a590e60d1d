import { newImage } from '../image';
import { fractalNoise } from '../noise';
import { setGrey, type SurfaceRenderer } from './surface';

/** Stone or cast surface: fractal value noise with a sprinkle of darker grains. */
export const renderStone: SurfaceRenderer = (rng, width, height) => {
  const image = newImage(width, height, true);
  const noise = fractalNoise(rng, width, height, { cell: rng.range(48, 96), octaves: 6, persistence: 0.55 });
  const level = rng.range(110, 160);
  for (let p = 0; p < width * height; p++) {
    const grain = rng.next() < 0.01 ? -rng.range(10, 25) : 0;
    setGrey(image, p, level + (noise[p]! - 0.5) * 90 + grain + (rng.next() - 0.5) * 10);
  }
  return { image, area: null, base: null };
};
