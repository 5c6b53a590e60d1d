import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePlainPng } from '../../../electron/core/exchange/mauset/plain-png';
import { sharedData } from '../../helpers/paths';
import { handPng, pixels } from './png-fixtures';

const [W, H] = [37, 23];

/** What sharp reads from the same bytes (it widens grey to RGB; one band of it is the grey). */
async function sharpPixels(png: Buffer, channels: 1 | 3): Promise<Buffer> {
  const image = sharp(png);
  return (channels === 1 ? image.extractChannel(0) : image).raw().toBuffer();
}

describe('decoding plain PNGs with fast-png instead of a trip to sharp', () => {
  it('reads RGB and grey images through every row filter back to the pixels written', async () => {
    for (const [colourType, channels] of [
      [2, 3],
      [0, 1],
    ] as const) {
      const written = pixels(W, H, channels, 7);
      const png = handPng(written, W, H, colourType);
      const decoded = await decodePlainPng(png);
      expect(decoded).toMatchObject({ width: W, height: H, channels });
      expect(Buffer.from(decoded!.data).equals(written)).toBe(true);
      expect(Buffer.from(decoded!.data).equals(await sharpPixels(png, channels))).toBe(true);
    }
  });

  it('reads what sharp itself writes, and a real mask PNG of BSData', async () => {
    const rgb = await sharp(Buffer.from(pixels(64, 48, 3, 3)), {
      raw: { width: 64, height: 48, channels: 3 },
    })
      .png({ adaptiveFiltering: true, compressionLevel: 9 })
      .toBuffer();
    const mask = readFileSync(
      join(sharedData, 'bsdata', 'masks', '01_200902053521_585000_090_crop_2_mask.png'),
    );
    for (const png of [rgb, mask]) {
      const decoded = await decodePlainPng(png);
      expect(decoded).not.toBeNull();
      expect(Buffer.from(decoded!.data).equals(await sharpPixels(png, decoded!.channels))).toBe(true);
    }
  });

  it('leaves to sharp every PNG it cannot read exactly', async () => {
    const rgb = Buffer.from(pixels(W, H, 3, 5));
    const raw = { raw: { width: W, height: H, channels: 3 as const } };
    const plain = handPng(pixels(W, H, 3, 5), W, H, 2);
    const gamma = handPng(pixels(W, H, 3, 5), W, H, 2, [
      { type: 'gAMA', data: new Uint8Array([0, 0, 0xb1, 0x8f]) },
    ]);
    const badCrc = Buffer.from(plain);
    badCrc[badCrc.length - 20] = (badCrc[badCrc.length - 20] as number) ^ 0xff;
    const cases: Record<string, Buffer> = {
      alpha: await sharp(rgb, raw).ensureAlpha().png().toBuffer(),
      '16-bit': await sharp(rgb, raw).toColourspace('rgb16').png().toBuffer(),
      palette: await sharp(rgb, raw).png({ palette: true }).toBuffer(),
      interlaced: await sharp(rgb, raw).png({ progressive: true }).toBuffer(),
      'a gamma chunk': gamma,
      'a broken CRC': badCrc,
      'a cut-off file': plain.subarray(0, plain.length - 30),
      'a JPEG': await sharp(rgb, raw).jpeg().toBuffer(),
    };
    for (const [what, bytes] of Object.entries(cases)) {
      expect(await decodePlainPng(bytes), what).toBeNull();
    }
  });
});
