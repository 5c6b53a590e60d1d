import { describe, expect, it } from 'vitest';
import {
  decodeRle,
  encodeRle,
  maskPixels,
  maskShapeFromBitmap,
  rleArea,
} from '../../../electron/core/geometry/rle';

function randomMask(length: number, seed: number, density: number): Uint8Array {
  let state = seed;
  const pixels = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    pixels[i] = state / 2 ** 31 < density ? 1 : 0;
  }
  return pixels;
}

describe('mask run-length encoding', () => {
  it('gives back exactly the pixels a brush stroke painted', () => {
    for (const [length, density] of [
      [1, 0.5],
      [7, 0.9],
      [64 * 48, 0.1],
      [300 * 200, 0.5],
    ] as const) {
      const mask = randomMask(length, length, density);
      const counts = encodeRle(mask);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(length);
      expect(Buffer.from(decodeRle(counts, length)).equals(Buffer.from(mask))).toBe(true);
      expect(rleArea(counts)).toBe(mask.reduce((a, b) => a + b, 0));
    }
  });

  it('starts with a zero-length run when the first pixel is set', () => {
    expect(encodeRle(Uint8Array.from([1, 1, 0, 1]))).toEqual([0, 2, 1, 1]);
    expect(encodeRle(Uint8Array.from([0, 0, 0]))).toEqual([3]);
    expect(encodeRle(Uint8Array.from([255, 255]))).toEqual([0, 2]);
  });

  it('refuses counts that do not cover the mask exactly', () => {
    expect(() => decodeRle([2, 3], 4)).toThrow(/more than the 4 pixels/);
    expect(() => decodeRle([1, 1], 4)).toThrow(/cover 2 of the 4 pixels/);
    expect(() => decodeRle([1, -1, 4], 4)).toThrow(/not a count/);
  });

  it('crops a full-size ground-truth mask to the defect, so cost follows the defect', () => {
    const width = 10;
    const height = 8;
    const bitmap = new Uint8Array(width * height);
    const painted: [number, number][] = [
      [3, 2],
      [4, 2],
      [6, 4],
      [5, 5],
    ];
    for (const [x, y] of painted) bitmap[y * width + x] = 255;
    const mask = maskShapeFromBitmap(bitmap, width, height);
    expect(mask).toMatchObject({ kind: 'mask', x: 3, y: 2, w: 4, h: 4 });
    const crop = maskPixels(mask!);
    for (let y = 0; y < mask!.h; y++) {
      for (let x = 0; x < mask!.w; x++) {
        expect(crop[y * mask!.w + x]).toBe(bitmap[(mask!.y + y) * width + mask!.x + x] ? 1 : 0);
      }
    }
    expect(maskShapeFromBitmap(new Uint8Array(12), 4, 3)).toBeNull();
    expect(() => maskShapeFromBitmap(new Uint8Array(5), 4, 3)).toThrow(/expected 4×3/);
  });
});
