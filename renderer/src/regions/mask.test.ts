import { describe, expect, it } from 'vitest';
import type { MaskShape } from '../../../electron/contract';
import { mask } from './mask';
import { decodeMask, encodeMask } from './rle';

// 3×2 crop at (10, 20): . # #  /  # # .
const shape: MaskShape = { kind: 'mask', x: 10, y: 20, w: 3, h: 2, rle: [1, 3, 1, 1] };

describe('mask regions', () => {
  it('encodes and decodes run lengths losslessly, starting with zeros', () => {
    const bits = decodeMask(shape);
    expect([...bits]).toEqual([0, 1, 1, 1, 0, 1]);
    expect(encodeMask(bits)).toEqual([1, 3, 1, 1]);
    expect(encodeMask(Uint8Array.from([1, 1, 0]))).toEqual([0, 2, 1]);
    expect(encodeMask(new Uint8Array(4))).toEqual([4]);
  });

  it('is hit on set pixels only (with a little slack)', () => {
    expect(mask.contains(shape, [11.5, 20.5], 0)).toBe(true);
    expect(mask.contains(shape, [10.5, 20.5], 0)).toBe(false);
    expect(mask.contains(shape, [10.5, 20.5], 1)).toBe(true);
    expect(mask.contains(shape, [30, 30], 1)).toBe(false);
  });

  it('moves by whole pixels and counts its area', () => {
    expect(mask.translate(shape, 1.6, -0.4)).toMatchObject({ x: 12, y: 20 });
    expect(mask.area(shape)).toBe(4);
  });

  it('refuses empty masks and masks outside the image', () => {
    expect(mask.problem({ ...shape, rle: [6] }, { width: 50, height: 50 })).toMatch(/empty/);
    expect(mask.problem(shape, { width: 12, height: 50 })).toMatch(/outside the 12×50 image/);
    expect(mask.problem(shape, { width: 50, height: 50 })).toBeNull();
  });
});
