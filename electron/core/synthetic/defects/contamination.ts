import { blendPixel, type Rgb } from '../image';
import { stampDisc } from '../raster';
import { clipToArea, MIN_DEFECT_AREA, pickPoint, scaleOf, tone, type DefectPainter } from './defect';

const PARTICLE_COLOURS: readonly Rgb[] = [
  [28, 26, 24],
  [128, 62, 28],
  [240, 240, 236],
];

/** A cluster of specks (dust, swarf, rust): many small discs scattered round one centre. */
export const paintContamination: DefectPainter = (surface, rng) => {
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const centre = pickPoint(surface, rng, 16 * s);
  const spread = rng.range(5, 16) * s;
  const mask = new Uint8Array(width * height);
  for (let n = rng.int(14, 45); n > 0; n--) {
    const x = centre.x + rng.normal() * spread;
    const y = centre.y + rng.normal() * spread;
    stampDisc(mask, width, height, x, y, rng.range(0.7, 2.2) * Math.max(1, s));
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  const colour = tone(surface, rng.pick(PARTICLE_COLOURS));
  const alpha = rng.range(0.8, 0.95);
  for (let p = 0; p < mask.length; p++) if (mask[p]) blendPixel(surface.image, p, colour, alpha);
  return mask;
};
