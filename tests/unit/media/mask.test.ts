import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { maskPixels, rleArea } from '../../../electron/core/geometry/rle';
import { polygonArea } from '../../../electron/core/datasets/shape-checks';
import { decodeMaskBytes, decodeMaskFile } from '../../../electron/core/media';
import { SHARED_DATA, makeTempDirs } from './helpers';

const tempDir = makeTempDirs();

async function writeMask(
  file: string,
  width: number,
  height: number,
  set: (x: number, y: number) => boolean,
) {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels[y * width + x] = set(x, y) ? 255 : 0;
  await sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toFile(file);
}

describe('decodeMaskFile', () => {
  it('crops a mask to its set pixels and run-length encodes the crop', async () => {
    const file = path.join(tempDir(), 'm.png');
    // An L: a 4x3 block with its top-right pixel missing.
    await writeMask(file, 20, 10, (x, y) => x >= 3 && x <= 6 && y >= 2 && y <= 4 && !(x === 6 && y === 2));
    const mask = await decodeMaskFile(file, 20, 10);
    expect(mask).toEqual({ kind: 'mask', x: 3, y: 2, w: 4, h: 3, rle: [0, 3, 1, 8] });
    expect(Array.from(maskPixels(mask!))).toEqual([1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('returns null for an empty mask', async () => {
    const file = path.join(tempDir(), 'empty.png');
    await writeMask(file, 8, 8, () => false);
    expect(await decodeMaskFile(file, 8, 8)).toBeNull();
  });

  it('names the file when the mask and the image differ in size', async () => {
    const file = path.join(tempDir(), 'small.png');
    await writeMask(file, 8, 8, () => true);
    await expect(decodeMaskFile(file, 16, 8)).rejects.toThrow(`${file}: mask is 8x8, the image is 16x8`);
  });

  it('matches the polygon a real BSData mask was drawn from', async () => {
    const file = path.join(SHARED_DATA, 'bsdata/masks/01_200905201421_395000_270_crop_2_mask.png');
    const mask = await decodeMaskFile(file, 1130, 460);
    expect(mask).not.toBeNull();
    // The polygon in label/…json spans x 338.6–345.6, y 313.4–322.4 (15 points).
    expect(mask!.x).toBeGreaterThanOrEqual(337);
    expect(mask!.x + mask!.w).toBeLessThanOrEqual(348);
    expect(mask!.y).toBeGreaterThanOrEqual(312);
    expect(mask!.y + mask!.h).toBeLessThanOrEqual(324);
    const polygon: Array<[number, number]> = [
      [342.3160173160173, 321.86147186147184],
      [342.96536796536793, 320.02164502164504],
      [343.93939393939394, 317.96536796536793],
      [344.8051948051948, 316.6666666666667],
      [345.56277056277054, 315.3679653679654],
      [345.56277056277054, 313.5281385281385],
      [344.26406926406924, 313.4199134199134],
      [343.5064935064935, 314.71861471861473],
      [342.74891774891773, 315.5844155844156],
      [341.34199134199133, 316.7748917748918],
      [340.5844155844156, 318.0735930735931],
      [339.2857142857143, 319.8051948051948],
      [338.6363636363636, 320.995670995671],
      [339.1774891774892, 322.4025974025974],
      [340.3679653679654, 322.4025974025974],
    ];
    // A filled raster of a small polygon includes its boundary pixels, so it is larger.
    const area = polygonArea(polygon);
    expect(rleArea(mask!.rle)).toBeGreaterThan(area);
    expect(rleArea(mask!.rle)).toBeLessThan(area * 2.5);
  });
});

describe('decodeMaskBytes', () => {
  it('reads an in-memory PNG (LabelMe mask data) as a 0/1 bitmap', async () => {
    const png = await sharp(Buffer.from([0, 255, 255, 0]), { raw: { width: 2, height: 2, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toBuffer();
    expect(await decodeMaskBytes(png)).toEqual({ width: 2, height: 2, bitmap: Uint8Array.of(0, 1, 1, 0) });
  });
});
