import { cloneImage, newImage } from '../image';
import { fractalNoise } from '../noise';
import { setGrey, type SurfaceRenderer } from './surface';

/**
 * A plain object on a background: a domed screw head with a cross recess, lit from the upper
 * left, on a darker mottled table. Defects go on the head only.
 */
export const renderScrew: SurfaceRenderer = (rng, width, height) => {
  const table = newImage(width, height, true);
  const mottle = fractalNoise(rng, width, height, { cell: 48, octaves: 4, persistence: 0.5 });
  const tableLevel = rng.range(40, 75);
  for (let p = 0; p < width * height; p++)
    setGrey(table, p, tableLevel + (mottle[p]! - 0.5) * 30 + (rng.next() - 0.5) * 6);

  const image = cloneImage(table);
  const area = new Uint8Array(width * height);
  const size = Math.min(width, height);
  const radius = size * rng.range(0.3, 0.4);
  const cx = width / 2 + rng.range(-0.08, 0.08) * size;
  const cy = height / 2 + rng.range(-0.08, 0.08) * size;
  const recessArm = radius * rng.range(0.45, 0.6);
  const recessHalf = radius * rng.range(0.08, 0.12);
  const angle = rng.range(0, Math.PI / 2);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const metal = rng.range(150, 190);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x + 0.5 - cx) / radius;
      const dy = (y + 0.5 - cy) / radius;
      const r2 = dx * dx + dy * dy;
      if (r2 > 1) continue;
      const p = y * width + x;
      area[p] = 1;
      // A dome's normal dotted with light from the upper left, plus a bright bevel at the rim.
      const nz = Math.sqrt(1 - r2 * 0.6);
      const light = 0.55 + 0.45 * ((-dx * 0.5 - dy * 0.5) * 0.8 + nz * 0.6);
      const rim = r2 > 0.86 ? 25 * (1 - Math.abs(r2 - 0.93) / 0.07) : 0;
      const u = (dx * cos + dy * sin) * radius;
      const v = (-dx * sin + dy * cos) * radius;
      const inRecess =
        (Math.abs(u) < recessHalf && Math.abs(v) < recessArm) ||
        (Math.abs(v) < recessHalf && Math.abs(u) < recessArm);
      const value = inRecess ? 45 + 20 * light : metal * light + rim;
      setGrey(image, p, value + (rng.next() - 0.5) * 6);
    }
  }
  return { image, area, base: table };
};
