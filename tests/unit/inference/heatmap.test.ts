import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TURBO } from '../../../electron/core/inference/processing/colormap';
import {
  heatmapPixels,
  normaliseMap,
  turboRgba,
  writeCreatingFolderSync,
  writeHeatmapPng,
} from '../../../electron/core/inference/processing/heatmap';
import { scratchDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

describe('heat maps', () => {
  it('normalises by calibration statistics, clipping outside them', () => {
    expect(Array.from(normaliseMap([0, 5, 10, 20, -3], { min: 0, max: 10 }))).toEqual([0, 0.5, 1, 1, 0]);
  });

  it('normalises by the map itself without statistics, and a flat map to zeros', () => {
    expect(Array.from(normaliseMap([2, 4, 6]))).toEqual([0, 0.5, 1]);
    expect(Array.from(normaliseMap([3, 3, 3]))).toEqual([0, 0, 0]);
  });

  it('uses turbo: near-black, then blue for calm, green between, dark red for anomalous', () => {
    const rgb = (i: number) => Array.from(TURBO.subarray(i * 3, i * 3 + 3));
    expect(rgb(0).reduce((a, b) => a + b)).toBeLessThan(120);
    const [r1, g1, b1] = rgb(40);
    expect(b1).toBeGreaterThan(r1! * 2);
    expect(b1).toBeGreaterThan(g1!);
    const [rm, gm, bm] = rgb(128);
    expect(gm).toBeGreaterThan(Math.max(rm!, bm!));
    const [r2, g2, b2] = rgb(255);
    expect(r2).toBeGreaterThan(100);
    expect(r2).toBeGreaterThan(g2! * 3);
    expect(r2).toBeGreaterThan(b2! * 3);
  });

  it('writes an 8-bit PNG at map resolution, optionally with value as alpha', async () => {
    const map = { width: 3, height: 2, data: Float32Array.from([0, 0.5, 1, 1, 0.5, 0]) };
    const path = join(dir, 'nested/heat.png');
    await writeHeatmapPng(map, path, { alpha: true });
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([3, 2, 4]);
    expect(Array.from(data.subarray(0, 4))).toEqual([...TURBO.subarray(0, 3), 0]);
    expect(Array.from(data.subarray(8, 12))).toEqual([...TURBO.subarray(255 * 3, 255 * 3 + 3), 255]);
  });

  it('writes levels as one grey channel for jobs, coloured to the same turbo RGBA when served', async () => {
    const map = { width: 3, height: 2, data: Float32Array.from([0, 0.5, 1, 1, 0.5, Number.NaN]) };
    const path = join(dir, 'levels.png');
    await writeHeatmapPng(map, path, { levels: true });
    expect((await sharp(path).metadata()).channels).toBe(1);
    const { data, info } = await sharp(path).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([3, 2]);
    expect(Array.from(data)).toEqual([0, 128, 255, 255, 128, 0]);
    const rgba = turboRgba(data);
    expect(Array.from(rgba)).toEqual(Array.from(heatmapPixels(map, { alpha: true })));
  });

  it('writes synchronously in a worker, creating a missing folder', async () => {
    const path = join(dir, 'made/by/worker/heat.png');
    writeCreatingFolderSync(path, Buffer.from('first'));
    writeCreatingFolderSync(path, Buffer.from('second'));
    expect(await readFile(path, 'utf8')).toBe('second');
  });
});
