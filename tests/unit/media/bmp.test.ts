import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeBmp } from '../../../electron/core/media/bmp';
import { makeThumbnail, probeImage, readRawPixels, renderDisplayImage } from '../../../electron/core/media';
import { encodeBmp, pattern } from './bmp-writer';
import { makeTempDirs } from './helpers';

const tempDir = makeTempDirs();

describe('BMP (which sharp cannot read)', () => {
  it('is really not decodable by sharp, so our decoder is needed', async () => {
    const bmp = encodeBmp({ width: 4, height: 3, bitsPerPixel: 24, pixels: pattern(4, 3, 3) });
    await expect(sharp(bmp).metadata()).rejects.toThrow();
  });

  it.each([
    { bitsPerPixel: 8 as const, channels: 1, topDown: false },
    { bitsPerPixel: 24 as const, channels: 3, topDown: false },
    { bitsPerPixel: 24 as const, channels: 3, topDown: true },
    { bitsPerPixel: 32 as const, channels: 4, topDown: false },
  ])(
    'decodes $bitsPerPixel-bit (top-down: $topDown) pixel for pixel',
    ({ bitsPerPixel, channels, topDown }) => {
      // Width 5 makes 8- and 24-bit rows need padding to 4 bytes.
      const pixels = pattern(5, 3, channels);
      const decoded = decodeBmp(encodeBmp({ width: 5, height: 3, bitsPerPixel, pixels, topDown }));
      expect(decoded).toMatchObject({ width: 5, height: 3, channels });
      expect(Array.from(decoded.data)).toEqual(Array.from(pixels));
    },
  );

  it('probes, thumbnails, displays and reads raw pixels of a BMP file', async () => {
    const file = path.join(tempDir(), 'part.bmp');
    const pixels = pattern(40, 20, 3);
    fs.writeFileSync(file, encodeBmp({ width: 40, height: 20, bitsPerPixel: 24, pixels }));
    expect(await probeImage(file)).toMatchObject({
      format: 'bmp',
      width: 40,
      height: 20,
      bitDepth: 8,
      channels: 3,
    });

    const thumb = path.join(tempDir(), 'thumb.jpg');
    expect(await makeThumbnail(file, thumb, { size: 16 })).toMatchObject({ width: 16, height: 8 });
    expect((await sharp(thumb).metadata()).format).toBe('jpeg');

    const display = await renderDisplayImage(file);
    expect(display.contentType).toBe('image/png');
    const shown = await sharp(display.body).raw().toBuffer();
    expect(Array.from(shown)).toEqual(Array.from(pixels));

    const raw = await readRawPixels(file);
    expect(raw.header).toEqual({ width: 40, height: 20, channels: 3, bitDepth: 8 });
    expect(Array.from(raw.pixels)).toEqual(Array.from(pixels));
  });

  it('names the file and the reason for a truncated or RLE-compressed BMP', async () => {
    const dir = tempDir();
    const whole = encodeBmp({ width: 8, height: 8, bitsPerPixel: 24, pixels: pattern(8, 8, 3) });
    const cut = path.join(dir, 'cut.bmp');
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 20));
    await expect(probeImage(cut)).rejects.toThrow(`${cut}: truncated BMP`);

    const rle = Buffer.from(whole);
    rle.writeUInt32LE(1, 30);
    const rleFile = path.join(dir, 'rle.bmp');
    fs.writeFileSync(rleFile, rle);
    await expect(probeImage(rleFile)).rejects.toThrow(`${rleFile}: RLE8 BMP is not supported`);
  });
});
