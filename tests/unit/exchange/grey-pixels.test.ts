import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GreyReader } from '../../../electron/core/exchange/mauset/grey-pixels';
import { decodePlainPng } from '../../../electron/core/exchange/mauset/plain-png';
import { sharedData, tempDir } from '../../helpers/paths';
import { handPng, pixels } from './png-fixtures';

const [W, H] = [48, 40];
const WHOLE = [{ x0: 0, y0: 0, x1: W, y1: H }];

/** The grey sharp gives: what the MAU-Set export measured before it had a reader of its own. */
async function sharpGrey(path: string): Promise<Buffer> {
  return sharp(path).greyscale().raw().toBuffer();
}

/** A reader that has its colour table already. */
async function tableReader(firstRgbFile: string): Promise<GreyReader> {
  const reader = new GreyReader(0);
  await reader.read(firstRgbFile, W, H, WHOLE);
  await reader.tableSettled();
  expect(reader.hasTable).toBe(true);
  return reader;
}

describe('reading images as grey pixels for region brightness', () => {
  const dir = tempDir('grey-pixels');
  const rgbFiles = [1, 2, 3].map((seed) => {
    const file = join(dir, `rgb-${seed}.png`);
    writeFileSync(file, handPng(pixels(W, H, 3, seed), W, H, 2));
    return file;
  });

  it('gives sharp’s grey for RGB PNGs, through sharp and then through the colour table', async () => {
    // Through sharp until two images were read; the third starts the table; then all again.
    const reader = new GreyReader(2);
    for (const file of rgbFiles) {
      const grey = await reader.read(file, W, H, WHOLE);
      expect(Buffer.from(grey!).equals(await sharpGrey(file))).toBe(true);
    }
    await reader.tableSettled();
    expect(reader.hasTable).toBe(true);
    for (const file of rgbFiles) {
      const grey = await reader.read(file, W, H, WHOLE);
      expect(Buffer.from(grey!).equals(await sharpGrey(file))).toBe(true);
    }
  });

  it('fills exactly the pixels inside the windows asked for when it converts colour', async () => {
    const reader = await tableReader(rgbFiles[1]!);
    const window = { x0: 5, y0: 7, x1: 20, y1: 11 };
    const grey = (await reader.read(rgbFiles[0]!, W, H, [window]))!;
    const truth = await sharpGrey(rgbFiles[0]!);
    for (let y = window.y0; y < window.y1; y++)
      for (let x = window.x0; x < window.x1; x++) expect(grey[y * W + x]).toBe(truth[y * W + x]);
  });

  it('gives sharp’s grey for a grey PNG and a JPEG of the real data sets', async () => {
    const reader = new GreyReader(0);
    const files = [
      join(sharedData, 'bsdata', 'masks', '01_200902053521_585000_090_crop_2_mask.png'),
      join(sharedData, 'neu-det', 'IMAGES', 'crazing_1.jpg'),
    ];
    for (const file of files) {
      const { width, height } = await sharp(file).metadata();
      const grey = await reader.read(file, width!, height!, [{ x0: 0, y0: 0, x1: width!, y1: height! }]);
      expect(Buffer.from(grey!).equals(await sharpGrey(file)), file).toBe(true);
    }
  });

  it('gives sharp’s grey for a real BSData photo saved as an RGB PNG, through the colour table', async () => {
    const photo = join(sharedData, 'bsdata', 'data', '01_200828110510_477500_315_crop_2.jpg');
    const file = join(dir, 'bsdata.png');
    const { width, height } = await sharp(photo).toColourspace('srgb').png().toFile(file);
    expect((await decodePlainPng(readFileSync(file)))?.channels).toBe(3);
    const reader = await tableReader(rgbFiles[0]!);
    const grey = await reader.read(file, width, height, [{ x0: 0, y0: 0, x1: width, y1: height }]);
    expect(Buffer.from(grey!).equals(await sharpGrey(file))).toBe(true);
  });

  it('reads nothing when the file is not the size the project recorded', async () => {
    const reader = new GreyReader(0);
    expect(await reader.read(rgbFiles[0]!, W + 1, H, WHOLE)).toBeNull();
  });
});
