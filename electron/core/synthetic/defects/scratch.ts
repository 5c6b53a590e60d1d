import { blendPixel } from '../image';
import { stampDisc } from '../raster';
import { clipToArea, MIN_DEFECT_AREA, pickPoint, scaleOf, tone, type DefectPainter } from './defect';

/** A thin curved line (a quadratic Bézier), brighter or darker than the surface. */
export const paintScratch: DefectPainter = (surface, rng) => {
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const start = pickPoint(surface, rng, 8 * s);
  const length = rng.range(0.2, 0.55) * Math.min(width, height);
  const angle = rng.range(0, 2 * Math.PI);
  const end = { x: start.x + Math.cos(angle) * length, y: start.y + Math.sin(angle) * length };
  const bow = rng.range(-0.3, 0.3) * length;
  const control = {
    x: (start.x + end.x) / 2 - Math.sin(angle) * bow,
    y: (start.y + end.y) / 2 + Math.cos(angle) * bow,
  };
  const radius = rng.range(0.75, 1.4) * Math.max(1, s);
  const mask = new Uint8Array(width * height);
  const steps = Math.ceil(length * 2);
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    stampDisc(
      mask,
      width,
      height,
      a * start.x + b * control.x + c * end.x,
      a * start.y + b * control.y + c * end.y,
      radius,
    );
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  const colour = tone(surface, rng.next() < 0.6 ? [240, 240, 235] : [30, 30, 32]);
  const alpha = rng.range(0.55, 0.8);
  for (let p = 0; p < mask.length; p++) if (mask[p]) blendPixel(surface.image, p, colour, alpha);
  return mask;
};
