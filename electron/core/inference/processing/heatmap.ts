import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { AnomalyMap } from '../types';
import { TURBO } from './colormap';

/**
 * Scales a map to 0..1: by the given range (a calibrated model's statistics), else by the map's
 * own min..max (a flat map becomes all zeros rather than NaN).
 */
export function normaliseMap(data: ArrayLike<number>, range?: { min: number; max: number }): Float32Array {
  let min = range?.min ?? Infinity;
  let max = range?.max ?? -Infinity;
  if (!range) {
    for (let i = 0; i < data.length; i++) {
      if (data[i]! < min) min = data[i]!;
      if (data[i]! > max) max = data[i]!;
    }
  }
  const out = new Float32Array(data.length);
  const span = max - min;
  if (!(span > 0)) return out;
  for (let i = 0; i < data.length; i++) out[i] = Math.min(1, Math.max(0, (data[i]! - min) / span));
  return out;
}

export type HeatmapPngOptions = {
  /** Alpha follows the value, so low-anomaly areas stay see-through over the image. */
  alpha?: boolean;
};

/** 8-bit turbo-coloured PNG of a 0..1 map at the map's own resolution (the viewer scales it). */
export function heatmapPixels(map: AnomalyMap, options: HeatmapPngOptions = {}): Buffer {
  const channels = options.alpha ? 4 : 3;
  const pixels = Buffer.alloc(map.width * map.height * channels);
  const data = map.data;
  for (let i = 0, p = 0; i < data.length; i++, p += channels) {
    const v = data[i]!;
    // comparisons instead of a Math.min/max/round chain per pixel; NaN paints as level 0
    const level = v > 0 ? (v < 1 ? (v * 255 + 0.5) | 0 : 255) : 0;
    const t = level * 3;
    pixels[p] = TURBO[t]!;
    pixels[p + 1] = TURBO[t + 1]!;
    pixels[p + 2] = TURBO[t + 2]!;
    if (channels === 4) pixels[p + 3] = level;
  }
  return pixels;
}

export async function writeHeatmapPng(
  map: AnomalyMap,
  path: string,
  options: HeatmapPngOptions = {},
): Promise<void> {
  const channels = options.alpha ? 4 : 3;
  await mkdir(dirname(path), { recursive: true });
  await sharp(heatmapPixels(map, options), { raw: { width: map.width, height: map.height, channels } })
    // unfiltered level 3 is both smaller and about half the CPU of filtered level 6 on
    // turbo-coloured maps (measured on MAU-GPT-mini maps of real images, tests/bench/inference-overhead.ts)
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toFile(path);
}
