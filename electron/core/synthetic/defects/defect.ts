import type { Bitmap, Rgb } from '../image';
import type { Rng } from '../prng';
import type { Surface } from '../surfaces/surface';

export const DEFECT_TYPES = ['scratch', 'crack', 'stain', 'hole', 'missing', 'contamination'] as const;
export type DefectType = (typeof DEFECT_TYPES)[number];

/**
 * Paints one defect onto `surface.image` and returns its exact mask: the set of pixels it
 * changed, nothing else. Returns null, leaving the image untouched, when this draw of the
 * random shape did not fit (too small after clipping to the part); the caller draws again.
 */
export type DefectPainter = (surface: Surface, rng: Rng) => Bitmap | null;

/** Below this many pixels a defect is not worth labelling; the painter draws again. */
export const MIN_DEFECT_AREA = 12;

/** Pixel scale relative to a 256-pixel image, so defects keep their look at other sizes. */
export function scaleOf(surface: Surface): number {
  return Math.min(surface.image.width, surface.image.height) / 256;
}

/** A random point inside the surface's defect area, `margin` pixels from the border. */
export function pickPoint(surface: Surface, rng: Rng, margin: number): { x: number; y: number } {
  const { width, height } = surface.image;
  const m = Math.min(margin, width / 3, height / 3);
  for (let attempt = 0; attempt < 500; attempt++) {
    const x = rng.range(m, width - m);
    const y = rng.range(m, height - m);
    if (!surface.area || surface.area[Math.floor(y) * width + Math.floor(x)]) return { x, y };
  }
  return { x: width / 2, y: height / 2 };
}

/** Clears mask pixels outside the surface's defect area; returns how many stay set. */
export function clipToArea(mask: Bitmap, surface: Surface): number {
  let count = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p] && surface.area && !surface.area[p]) mask[p] = 0;
    if (mask[p]) count++;
  }
  return count;
}

/** A grey or coloured tone depending on the surface, so grey images stay grey. */
export function tone(surface: Surface, colour: Rgb): Rgb {
  if (!surface.image.grey) return colour;
  const grey = Math.round(0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]);
  return [grey, grey, grey];
}
