import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail, readRawPixels, renderDisplayImage } from '../../../electron/core/media';
import {
  grey16Gradient,
  SHARED_DATA,
  uint16,
  makeTempDirs,
  write16BitPng,
  write16BitTiff,
  writeRgbPng,
} from './helpers';

const tempDir = makeTempDirs();
const BSDATA_IMAGE = path.join(SHARED_DATA, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg');

describe('thumbnails', () => {
  it('makes a 256-pixel JPEG of a real BSData image, aspect kept', async () => {
    const out = path.join(tempDir(), 'ab', 'thumb.jpg');
    const thumb = await makeThumbnail(BSDATA_IMAGE, out, { size: 256 });
    expect(thumb).toMatchObject({ width: 256, height: 104 }); // 1130x460
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 256, height: 104 });
    expect(fs.readdirSync(path.dirname(out))).toEqual(['thumb.jpg']); // no temp file left behind
  });

  it('never enlarges a small image', async () => {
    const dir = tempDir();
    await writeRgbPng(path.join(dir, 'small.png'), 40, 30);
    expect(await makeThumbnail(path.join(dir, 'small.png'), path.join(dir, 't.jpg'))).toMatchObject({
      width: 40,
      height: 30,
    });
  });

  it.each(['png', 'tif'])('stretches a dim 16-bit %s so its thumbnail spans black to white', async (ext) => {
    const dir = tempDir();
    const file = path.join(dir, `dim.${ext}`);
    const write = ext === 'png' ? write16BitPng : write16BitTiff;
    await write(file, grey16Gradient(64, 64), 64, 64);
    await makeThumbnail(file, path.join(dir, 't.jpg'), { size: 32 });
    const stats = await sharp(path.join(dir, 't.jpg')).stats();
    const channel = stats.channels[0] as { min: number; max: number };
    expect(channel.min).toBeLessThan(10);
    expect(channel.max).toBeGreaterThan(245);
  });
});

describe('display images', () => {
  it('returns an 8-bit JPEG file as it is', async () => {
    const display = await renderDisplayImage(BSDATA_IMAGE);
    expect(display.contentType).toBe('image/jpeg');
    expect(display.body.equals(fs.readFileSync(BSDATA_IMAGE))).toBe(true);
  });

  it.each(['png', 'tif'])('converts a 16-bit %s to a stretched 8-bit PNG', async (ext) => {
    const file = path.join(tempDir(), `dim.${ext}`);
    await (ext === 'png' ? write16BitPng : write16BitTiff)(file, grey16Gradient(50, 10), 50, 10);
    const display = await renderDisplayImage(file);
    expect(display.contentType).toBe('image/png');
    const meta = await sharp(display.body).metadata();
    expect(meta).toMatchObject({ format: 'png', depth: 'uchar', width: 50, height: 10, channels: 1 });
    const pixels = await sharp(display.body).raw().toBuffer();
    expect(Math.min(...pixels)).toBe(0);
    expect(Math.max(...pixels)).toBe(255);
  });
});

describe('raw pixels', () => {
  it('keeps 16-bit samples exactly, little-endian, one channel', async () => {
    const dir = tempDir();
    const samples = grey16Gradient(7, 5);
    for (const [name, write] of [
      ['raw.png', write16BitPng],
      ['raw.tif', write16BitTiff],
    ] as const) {
      await write(path.join(dir, name), samples, 7, 5);
      const raw = await readRawPixels(path.join(dir, name));
      expect(raw.header).toEqual({ width: 7, height: 5, channels: 1, bitDepth: 16 });
      expect(raw.pixels.readUInt16LE(0)).toBe(1000);
      expect(Array.from(uint16(raw.pixels))).toEqual(Array.from(samples));
    }
  });

  it('keeps a grey 8-bit JPEG grey (DeepPCB is stored as one channel)', async () => {
    const file = path.join(SHARED_DATA, 'deeppcb/PCBData/group00041/00041/00041046_test.jpg');
    const raw = await readRawPixels(file);
    expect(raw.header).toEqual({ width: 640, height: 640, channels: 1, bitDepth: 8 });
    expect(raw.pixels.length).toBe(640 * 640);
  });

  it('reads RGB as three channels', async () => {
    const file = path.join(tempDir(), 'rgb.png');
    await writeRgbPng(file, 3, 2, '#102030');
    const raw = await readRawPixels(file);
    expect(raw.header).toEqual({ width: 3, height: 2, channels: 3, bitDepth: 8 });
    expect(Array.from(raw.pixels.subarray(0, 3))).toEqual([0x10, 0x20, 0x30]);
  });
});
