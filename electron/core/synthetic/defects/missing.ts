import type { RgbImage } from '../image';
import { clipToArea, MIN_DEFECT_AREA, scaleOf, type DefectPainter } from './defect';

/** Summed channel difference above which a pixel belongs to the top layer, not the base. */
const LAYER_DIFFERENCE = 30;

/**
 * Missing print or missing material: inside an ellipse, the top layer (copper, yarn, the part)
 * is replaced by what lies under it. The mask is exactly the top-layer pixels that were removed.
 * Surfaces without a base layer cannot lose one: never placed there.
 */
export const paintMissing: DefectPainter = (surface, rng) => {
  const base = surface.base;
  if (!base) return null;
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const centre = pickLayerPixel(surface.image, base, rng.next.bind(rng));
  if (!centre) return null;
  const rx = rng.range(6, 22) * s;
  const ry = rng.range(6, 22) * s;
  const mask = new Uint8Array(width * height);
  for (let y = Math.max(0, Math.floor(centre.y - ry)); y < Math.min(height, centre.y + ry); y++) {
    for (let x = Math.max(0, Math.floor(centre.x - rx)); x < Math.min(width, centre.x + rx); x++) {
      const u = (x + 0.5 - centre.x) / rx;
      const v = (y + 0.5 - centre.y) / ry;
      const p = y * width + x;
      if (u * u + v * v < 1 && differs(surface.image, base, p)) mask[p] = 1;
    }
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    surface.image.data.set(base.data.subarray(p * 3, p * 3 + 3), p * 3);
  }
  return mask;
};

function pickLayerPixel(
  image: RgbImage,
  base: RgbImage,
  random: () => number,
): { x: number; y: number } | null {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const x = Math.floor(random() * image.width);
    const y = Math.floor(random() * image.height);
    if (differs(image, base, y * image.width + x)) return { x: x + 0.5, y: y + 0.5 };
  }
  return null;
}

function differs(image: RgbImage, base: RgbImage, p: number): boolean {
  const a = image.data;
  const b = base.data;
  const i = p * 3;
  return (
    Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) >
    LAYER_DIFFERENCE
  );
}
