import { blendPixel } from '../image';
import { clipToArea, MIN_DEFECT_AREA, pickPoint, scaleOf, tone, type DefectPainter } from './defect';

/** Where the raised rim ends, as a multiple of the pit's radius. */
const RIM = 1.4;

/** A pit: a small dark ellipse inside a lighter raised rim; the mask covers both. */
export const paintHole: DefectPainter = (surface, rng) => {
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const centre = pickPoint(surface, rng, 14 * s);
  const rx = rng.range(3, 9) * s;
  const ry = rx * rng.range(0.65, 1);
  const rotation = rng.range(0, Math.PI);
  const [cos, sin] = [Math.cos(rotation), Math.sin(rotation)];
  const reach = rx * RIM + 1;
  const mask = new Uint8Array(width * height);
  const radial = new Float32Array(width * height);
  for (let y = Math.max(0, Math.floor(centre.y - reach)); y < Math.min(height, centre.y + reach); y++) {
    for (let x = Math.max(0, Math.floor(centre.x - reach)); x < Math.min(width, centre.x + reach); x++) {
      const dx = x + 0.5 - centre.x;
      const dy = y + 0.5 - centre.y;
      const u = (dx * cos + dy * sin) / rx;
      const v = (-dx * sin + dy * cos) / ry;
      const t = Math.sqrt(u * u + v * v);
      if (t >= RIM) continue;
      mask[y * width + x] = 1;
      radial[y * width + x] = t;
    }
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  const pit = tone(surface, [12, 10, 10]);
  const rim = tone(surface, [235, 232, 225]);
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const t = radial[p]!;
    if (t < 1) blendPixel(surface.image, p, pit, 0.92 - 0.3 * t * t);
    else blendPixel(surface.image, p, rim, 0.15 + 0.3 * (1 - (t - 1) / (RIM - 1)));
  }
  return mask;
};
