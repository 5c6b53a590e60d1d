import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageInput } from '../../../electron/core/inference/pack/schema';
import { preprocessImage } from '../../../electron/core/inference/processing/preprocess';
import { HAVE_DATA, REFERENCE, scratchDir, SHARED_DATA } from './helpers';

function imageInput(width: number, height: number, extra: Partial<ImageInput> = {}): ImageInput {
  return {
    name: 'input',
    shape: [1, 3, height, width],
    dtype: 'float32',
    colourOrder: 'RGB',
    resize: { mode: 'stretch', width, height, padValue: 114 },
    normalise: { mean: [0, 0, 0], std: [1, 1, 1], scale: 255 },
    ...extra,
  };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchDir()));
afterAll(() => cleanup());

/** A w×h PNG whose pixel (x, y) is (x*40, y*50, 7) plus an alpha of 200. */
async function gradientPng(w: number, h: number, channels: 3 | 4 = 3): Promise<string> {
  const raw = Buffer.alloc(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * channels;
      raw[p] = x * 40;
      raw[p + 1] = y * 50;
      raw[p + 2] = 7;
      if (channels === 4) raw[p + 3] = 200;
    }
  }
  const path = join(dir, `gradient-${w}x${h}-${channels}.png`);
  await sharp(raw, { raw: { width: w, height: h, channels } })
    .png()
    .toFile(path);
  return path;
}

describe('preprocessing an image into a tensor', () => {
  it('lays out NCHW with the pack normalisation, pixel for pixel', async () => {
    const path = await gradientPng(4, 3);
    const input = imageInput(4, 3, { normalise: { mean: [0.5, 0.25, 0], std: [0.5, 0.25, 2], scale: 255 } });
    const { tensor, geometry } = await preprocessImage(path, input);
    expect(tensor.dims).toEqual([1, 3, 3, 4]);
    expect(geometry).toMatchObject({ sourceWidth: 4, sourceHeight: 3, sx: 1, sy: 1, padX: 0, padY: 0 });
    const data = tensor.data as Float32Array;
    const at = (c: number, y: number, x: number) => data[c * 12 + y * 4 + x]!;
    expect(at(0, 2, 3)).toBeCloseTo((120 / 255 - 0.5) / 0.5, 6);
    expect(at(1, 2, 3)).toBeCloseTo((100 / 255 - 0.25) / 0.25, 6);
    expect(at(2, 1, 1)).toBeCloseTo(7 / 255 / 2, 6);
  });

  it('swaps to BGR when the pack asks, and drops alpha', async () => {
    const path = await gradientPng(4, 3, 4);
    const { tensor } = await preprocessImage(path, imageInput(4, 3, { colourOrder: 'BGR' }));
    const data = tensor.data as Float32Array;
    expect(data[0 * 12 + 2 * 4 + 3]).toBeCloseTo(7 / 255, 6);
    expect(data[2 * 12 + 2 * 4 + 3]).toBeCloseTo(120 / 255, 6);
  });

  it('letterboxes with grey 114 borders and reports where the image went', async () => {
    const path = await gradientPng(8, 4);
    const input = imageInput(8, 8, { resize: { mode: 'letterbox', width: 8, height: 8, padValue: 114 } });
    const { tensor, geometry } = await preprocessImage(path, input);
    expect(geometry).toMatchObject({ newWidth: 8, newHeight: 4, padX: 0, padY: 2, sx: 1, sy: 1 });
    const data = tensor.data as Float32Array;
    expect(data[0]).toBeCloseTo(114 / 255, 6);
    expect(data[7 * 8 + 7]).toBeCloseTo(114 / 255, 6);
    expect(data[2 * 8 + 5]).toBeCloseTo(200 / 255, 6);
  });

  it('reads 16-bit PNGs as 8-bit', async () => {
    const raw = new Uint16Array([65535, 0, 32896, 0, 65535, 32896]);
    const path = join(dir, 'deep.png');
    await sharp(raw, { raw: { width: 2, height: 1, channels: 3 } })
      .toColourspace('rgb16')
      .png()
      .toFile(path);
    const { tensor } = await preprocessImage(path, imageInput(2, 1));
    const meta = await sharp(path).metadata();
    expect(meta.depth).toBe('ushort');
    // planes of 2 pixels: R = [1, 0], G = [0, 1], B = [~0.5, ~0.5]
    expect(Array.from(tensor.data as Float32Array, (v) => Math.round(v * 100) / 100)).toEqual([
      1, 0, 0, 1, 0.5, 0.5,
    ]);
  });

  it('names the image that cannot be decoded or read', async () => {
    const text = join(dir, 'notes.jpg');
    await writeFile(text, 'not a picture');
    await expect(preprocessImage(text, imageInput(8, 8))).rejects.toThrow(
      `image ${text}: cannot be decoded:`,
    );
    const missing = join(dir, 'missing.png');
    await expect(preprocessImage(missing, imageInput(8, 8))).rejects.toThrow(
      `image ${missing}: cannot be read: no such file`,
    );
  });

  it.skipIf(!HAVE_DATA)('refuses a truncated JPEG rather than predicting on grey', async () => {
    const full = await readFile(join(SHARED_DATA, 'neu-det/IMAGES/scratches_170.jpg'));
    const cut = join(dir, 'cut.jpg');
    await writeFile(cut, full.subarray(0, Math.floor(full.length / 2)));
    await expect(preprocessImage(cut, imageInput(64, 64))).rejects.toThrow(
      `image ${cut}: cannot be decoded:`,
    );
  });

  it.skipIf(!HAVE_DATA)('turns a greyscale DeepPCB board into three equal channels', async () => {
    const path = join(SHARED_DATA, 'deeppcb/PCBData/group00041/00041/00041046_test.jpg');
    const { tensor, geometry } = await preprocessImage(path, imageInput(160, 160));
    expect(geometry).toMatchObject({ sourceWidth: 640, sourceHeight: 640, sx: 0.25 });
    const data = tensor.data as Float32Array;
    const plane = 160 * 160;
    for (const i of [0, 999, plane - 1]) {
      expect(data[i]).toBe(data[plane + i]);
      expect(data[i]).toBe(data[2 * plane + i]);
    }
  });

  it.skipIf(!HAVE_DATA)('resizes a real image close to PIL bilinear (the reference pipeline)', async () => {
    const input = imageInput(128, 128);
    const ours = await preprocessImage(
      join(SHARED_DATA, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg'),
      input,
    );
    const pil = await preprocessImage(join(REFERENCE, 'inputs/stretch128-bsdata-pitting.png'), input);
    const a = ours.tensor.data as Float32Array;
    const b = pil.tensor.data as Float32Array;
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
    const mean = (sum / a.length) * 255;
    console.log(
      `[preprocess] sharp vs PIL, 1130x460 -> 128x128 stretch: mean abs difference ${mean.toFixed(2)} grey levels`,
    );
    expect(mean).toBeLessThan(6);
  });
});
