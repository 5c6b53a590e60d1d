import { blendPixel } from '../image';
import { stampDisc } from '../raster';
import { clipToArea, MIN_DEFECT_AREA, pickPoint, scaleOf, tone, type DefectPainter } from './defect';

type Walker = { x: number; y: number; angle: number; steps: number; radius: number };

const MAX_BRANCHES = 4;

/** A dark, branching random walk: a main crack that wanders and now and then forks. */
export const paintCrack: DefectPainter = (surface, rng) => {
  const { width, height } = surface.image;
  const s = scaleOf(surface);
  const start = pickPoint(surface, rng, 16 * s);
  const mask = new Uint8Array(width * height);
  const walkers: Walker[] = [
    {
      ...start,
      angle: rng.range(0, 2 * Math.PI),
      steps: rng.range(50, 130) * s,
      radius: rng.range(0.8, 1.4) * Math.max(1, s),
    },
  ];
  let branches = 0;
  while (walkers.length > 0) {
    const walker = walkers.pop()!;
    for (let step = 0; step < walker.steps; step++) {
      walker.angle += rng.normal() * 0.22;
      walker.x += Math.cos(walker.angle);
      walker.y += Math.sin(walker.angle);
      if (walker.x < 0 || walker.y < 0 || walker.x >= width || walker.y >= height) break;
      // Thinner toward its tip, never below 0.75 px: every stamp then covers its nearest pixel and the crack stays connected.
      const taper = 1 - (0.5 * step) / walker.steps;
      stampDisc(mask, width, height, walker.x, walker.y, Math.max(0.75, walker.radius * taper));
      if (branches < MAX_BRANCHES && step > 10 && rng.next() < 0.025) {
        branches++;
        const turn = (rng.next() < 0.5 ? -1 : 1) * rng.range(0.4, 1.1);
        const steps = (walker.steps - step) * rng.range(0.3, 0.7);
        walkers.push({
          x: walker.x,
          y: walker.y,
          angle: walker.angle + turn,
          steps,
          radius: walker.radius * 0.75,
        });
      }
    }
  }
  if (clipToArea(mask, surface) < MIN_DEFECT_AREA) return null;
  const colour = tone(surface, [18, 16, 14]);
  const alpha = rng.range(0.7, 0.9);
  for (let p = 0; p < mask.length; p++) if (mask[p]) blendPixel(surface.image, p, colour, alpha);
  return mask;
};
