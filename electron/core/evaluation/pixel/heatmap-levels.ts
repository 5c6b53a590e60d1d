import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { TURBO } from '../../inference/processing/colormap';
import { decodeSimplePng, type RawImage } from './png-decode';

/**
 * A stored heat-map PNG as 0..255 anomaly levels, resampled to size×size. Inference writes the
 * level into the alpha channel (see processing/heatmap.ts), so that is read where present;
 * grey PNGs are the level itself, and an opaque turbo-coloured PNG is mapped back through the
 * colour map (nearest colour), so maps from other writers still score.
 */
export async function readHeatmapLevels(path: string, size: number): Promise<Uint8Array> {
  const image = await decode(path);
  const levels = levelsOf(image.data, image.width * image.height, image.channels);
  return resampleBilinear(levels, image.width, image.height, size);
}

async function decode(path: string): Promise<RawImage> {
  const simple = decodeSimplePng(await readFile(path));
  if (simple) return simple;
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function levelsOf(data: Uint8Array, pixels: number, channels: number): Uint8Array {
  const out = new Uint8Array(pixels);
  if (channels === 1 || channels === 2 || channels === 4) {
    const offset = channels === 1 ? 0 : channels - 1;
    for (let i = 0; i < pixels; i++) out[i] = data[i * channels + offset]!;
    return out;
  }
  const cache = new Map<number, number>();
  for (let i = 0; i < pixels; i++) {
    const p = i * channels;
    const key = (data[p]! << 16) | (data[p + 1]! << 8) | data[p + 2]!;
    let level = cache.get(key);
    if (level === undefined) {
      level = nearestTurboLevel(data[p]!, data[p + 1]!, data[p + 2]!);
      cache.set(key, level);
    }
    out[i] = level;
  }
  return out;
}

function nearestTurboLevel(r: number, g: number, b: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let level = 0; level < 256; level++) {
    const dr = TURBO[level * 3]! - r;
    const dg = TURBO[level * 3 + 1]! - g;
    const db = TURBO[level * 3 + 2]! - b;
    const distance = dr * dr + dg * dg + db * db;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = level;
    }
  }
  return best;
}

/**
 * Bilinear samples at the centres of a size×size grid laid over the whole map (the map covers
 * the whole image, so the grid lines up with the ground-truth mask of the same size).
 */
export function resampleBilinear(
  levels: Uint8Array,
  width: number,
  height: number,
  size: number,
): Uint8Array {
  if (width === size && height === size) return levels;
  // separable: along rows into a float buffer, then down the columns (half the work of 2-D taps)
  const columns = taps(width, size);
  const rows = taps(height, size);
  const across = new Float32Array(height * size);
  for (let y = 0; y < height; y++) {
    const line = y * width;
    const target = y * size;
    for (let i = 0; i < size; i++) {
      const a = levels[line + columns.from[i]!]!;
      across[target + i] = a + (levels[line + columns.to[i]!]! - a) * columns.weight[i]!;
    }
  }
  const out = new Uint8Array(size * size);
  for (let j = 0; j < size; j++) {
    const top = rows.from[j]! * size;
    const bottom = rows.to[j]! * size;
    const t = rows.weight[j]!;
    const target = j * size;
    for (let i = 0; i < size; i++) {
      const a = across[top + i]!;
      out[target + i] = a + (across[bottom + i]! - a) * t + 0.5;
    }
  }
  return out;
}

/** For each output position along one axis: the two source positions and the weight of the second. */
function taps(length: number, size: number): { from: Int32Array; to: Int32Array; weight: Float64Array } {
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const weight = new Float64Array(size);
  const scale = length / size;
  for (let k = 0; k < size; k++) {
    const at = Math.min(length - 1, Math.max(0, (k + 0.5) * scale - 0.5));
    from[k] = Math.floor(at);
    to[k] = Math.min(length - 1, from[k]! + 1);
    weight[k] = at - from[k]!;
  }
  return { from, to, weight };
}
