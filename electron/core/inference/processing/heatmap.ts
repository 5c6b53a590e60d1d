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
  for (let i = 0, p = 0; i < map.data.length; i++, p += channels) {
    const level = Math.round(Math.min(1, Math.max(0, map.data[i]!)) * 255);
    pixels[p] = TURBO[level * 3]!;
    pixels[p + 1] = TURBO[level * 3 + 1]!;
    pixels[p + 2] = TURBO[level * 3 + 2]!;
    if (options.alpha) pixels[p + 3] = level;
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
    .png({ compressionLevel: 6 })
    .toFile(path);
}
