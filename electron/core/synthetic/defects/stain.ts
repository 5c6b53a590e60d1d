import { blendPixel } from '../image';
import { clipToArea, MIN_DEFECT_AREA, pickPoint, scaleOf, tone, type DefectPainter } from './defect';

/**
 * A soft blob darker or lighter than the surface, with a wobbly outline. Its strength fades
 * toward the edge but stops at a floor, so every masked pixel is visibly changed.
 */
export const paintStain: DefectPainter = (surface, rng) => {
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const centre = pickPoint(surface, rng, 20 * s);
  const radius = rng.range(8, 34) * s;
  const aspect = rng.range(0.55, 1);
  const rotation = rng.range(0, Math.PI);
  const wobble = [
    rng.range(0, 0.15),
    rng.range(0, 2 * Math.PI),
    rng.range(0, 0.1),
    rng.range(0, 2 * Math.PI),
  ];
  const [cos, sin] = [Math.cos(rotation), Math.sin(rotation)];
  const reach = radius * 1.3;
  const strength = new Float32Array(width * height);
  const mask = new Uint8Array(width * height);
  for (let y = Math.max(0, Math.floor(centre.y - reach)); y < Math.min(height, centre.y + reach); y++) {
    for (let x = Math.max(0, Math.floor(centre.x - reach)); x < Math.min(width, centre.x + reach); x++) {
      const dx = x + 0.5 - centre.x;
      const dy = y + 0.5 - centre.y;
      const u = dx * cos + dy * sin;
      const v = (-dx * sin + dy * cos) / aspect;
      const theta = Math.atan2(v, u);
      const edge =
        radius *
        (1 + wobble[0]! * Math.cos(2 * theta + wobble[1]!) + wobble[2]! * Math.cos(3 * theta + wobble[3]!));
      const t = Math.sqrt(u * u + v * v) / edge;
      if (t >= 1) continue;
      mask[y * width + x] = 1;
      strength[y * width + x] = 0.4 + 0.6 * (1 - t * t);
    }
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  const dark = rng.next() < 0.65;
  const colour = tone(surface, dark ? [62, 46, 30] : [236, 232, 218]);
  const alpha = rng.range(0.35, 0.6);
  for (let p = 0; p < mask.length; p++)
    if (mask[p]) blendPixel(surface.image, p, colour, alpha * strength[p]!);
  return mask;
};
