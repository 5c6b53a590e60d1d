import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readHeatmapLevels } from '../../../electron/core/evaluation/pixel/heatmap-levels';
import { decodeSimplePng } from '../../../electron/core/evaluation/pixel/png-decode';
import { writeHeatmapPng } from '../../../electron/core/inference/processing/heatmap';

/** Smooth ramps plus speckle: libpng's adaptive filtering then uses every filter type. */
function pattern(width: number, height: number, channels: number): Buffer {
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++) {
    const p = Math.floor(i / channels);
    data[i] = ((p % width) * 3 + Math.floor(p / width) * 5 + (i % channels) * 40 + ((p * 7919) % 13)) & 0xff;
  }
  return data;
}

describe('reading heat-map PNGs', () => {
  it.each([1, 2, 3, 4] as const)('decodes a %i-channel 8-bit PNG exactly as sharp does', async (channels) => {
    const raw = pattern(61, 37, channels);
    const image = sharp(raw, { raw: { width: 61, height: 37, channels } });
    // sharp writes grey input as RGB unless told it is grey
    const png = await (channels <= 2 ? image.toColourspace('b-w') : image)
      .png({ adaptiveFiltering: true })
      .toBuffer();
    const decoded = decodeSimplePng(png)!;
    expect(decoded).toMatchObject({ width: 61, height: 37, channels });
    expect(Buffer.from(decoded.data).equals(raw)).toBe(true);
  });

  it('leaves 16-bit and non-PNG files to the general decoder', async () => {
    const deep = await sharp(Buffer.alloc(8 * 8 * 3, 100), { raw: { width: 8, height: 8, channels: 3 } })
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    expect(decodeSimplePng(deep)).toBeNull();
    expect(decodeSimplePng(Buffer.from('not a png at all, just some text here'))).toBeNull();
  });

  it('reads back the levels inference wrote, from alpha or from the turbo colours', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mau-heatmap-'));
    const data = Float32Array.from({ length: 16 * 8 }, (_, i) => (i % 16) / 15);
    const map = { width: 16, height: 8, data };
    const expected = Array.from(data, (v) => Math.round(v * 255));
    await writeHeatmapPng(map, join(dir, 'alpha.png'), { alpha: true });
    await writeHeatmapPng(map, join(dir, 'opaque.png'));
    expect(decodeSimplePng(readFileSync(join(dir, 'alpha.png')))!.channels).toBe(4);
    expect(
      Array.from(await readHeatmapLevels(join(dir, 'alpha.png'), 16).then((l) => l.slice(0, 16))),
    ).toEqual(expected.slice(0, 16));
    // 16×8 sampled onto 16×16: every source row twice, the values unchanged
    const opaque = await readHeatmapLevels(join(dir, 'opaque.png'), 16);
    opaque.slice(0, 16).forEach((level, i) => expect(Math.abs(level - expected[i]!)).toBeLessThanOrEqual(2));
  });
});
