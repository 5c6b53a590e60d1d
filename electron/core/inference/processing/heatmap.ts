import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { AnomalyMap } from '../types';
import { encodeGreyPng } from '../../media/grey-png';
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
      const v = data[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const out = new Float32Array(data.length);
  const span = max - min;
  if (!(span > 0)) return out;
  if (!range) {
    // the map's own range: every value already lies in it, so nothing to clip
    for (let i = 0; i < data.length; i++) out[i] = (data[i]! - min) / span;
    return out;
  }
  for (let i = 0; i < data.length; i++) out[i] = Math.min(1, Math.max(0, (data[i]! - min) / span));
  return out;
}

export type HeatmapPngOptions = {
  /** Alpha follows the value, so low-anomaly areas stay see-through over the image. */
  alpha?: boolean;
  /**
   * One grey channel holding the level itself (0..255), coloured only when someone looks at it
   * (models/heatmap-file.ts): a job writes a map per image, most are never opened, and the turbo
   * RGBA encode was half of a prediction's post-processing.
   */
  levels?: boolean;
};

/** A 0..1 map as 0..255 levels; NaN is level 0. */
export function heatmapLevels(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    out[i] = v > 0 ? (v < 1 ? (v * 255 + 0.5) | 0 : 255) : 0;
  }
  return out;
}

/** Levels as the turbo-coloured RGBA the viewer draws (alpha = level). */
export function turboRgba(levels: Uint8Array): Buffer {
  const pixels = Buffer.alloc(levels.length * 4);
  for (let i = 0, p = 0; i < levels.length; i++, p += 4) {
    const level = levels[i]!;
    pixels[p] = TURBO[level * 3]!;
    pixels[p + 1] = TURBO[level * 3 + 1]!;
    pixels[p + 2] = TURBO[level * 3 + 2]!;
    pixels[p + 3] = level;
  }
  return pixels;
}

/** Turbo RGBA as a PNG: unfiltered level 3 is both smaller and about half the CPU of filtered level 6 on these maps. */
export function encodeTurboPng(
  pixels: Buffer,
  width: number,
  height: number,
  channels: 3 | 4,
): Promise<Buffer> {
  return sharp(pixels, { raw: { width, height, channels } })
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
}

/** 8-bit turbo-coloured pixels of a 0..1 map at the map's own resolution (the viewer scales it). */
export function heatmapPixels(map: AnomalyMap, options: HeatmapPngOptions = {}): Buffer {
  const levels = heatmapLevels(map.data);
  if (options.alpha) return turboRgba(levels);
  const pixels = Buffer.alloc(levels.length * 3);
  for (let i = 0, p = 0; i < levels.length; i++, p += 3)
    pixels.set(TURBO.subarray(levels[i]! * 3, levels[i]! * 3 + 3), p);
  return pixels;
}

/** The PNG a heat map is stored as: grey levels (coloured when viewed), or turbo RGB(A). */
export function encodeHeatmapPng(map: AnomalyMap, options: HeatmapPngOptions = {}): Promise<Buffer> {
  // deflate level 1 for levels: a smooth map compresses almost as well, at a fraction of the time
  return options.levels
    ? encodeGreyPng(heatmapLevels(map.data), map.width, map.height, 1)
    : encodeTurboPng(heatmapPixels(map, options), map.width, map.height, options.alpha ? 4 : 3);
}

export async function writeHeatmapPng(
  map: AnomalyMap,
  path: string,
  options: HeatmapPngOptions = {},
): Promise<void> {
  await writeCreatingFolder(path, await encodeHeatmapPng(map, options));
}

/**
 * A job writes thousands of maps into a few folders: creating the folder only when the write
 * finds it missing saves a mkdir per map (0.7 ms of post-processing each, in a CPU profile).
 */
async function writeCreatingFolder(path: string, data: Buffer): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }
}

/**
 * The same write, blocking: only for a worker thread that serves nobody while it waits. There
 * one system call replaces the three trips through libuv's pool of the promise API (0.07 against
 * 0.6 ms of CPU a map on this project's machines).
 */
export function writeCreatingFolderSync(path: string, data: Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}
