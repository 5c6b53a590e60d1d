import { describe, expect, it } from 'vitest';
import type { MaskShape } from '../../../electron/contract';
import { mask } from './mask';
import { decodeMask, maskArea } from './rle';

// A 4×2 mask, left half on: "# # . ." twice.
const half: MaskShape = { kind: 'mask', x: 10, y: 20, w: 4, h: 2, rle: [0, 2, 2, 2, 2] };

describe('resizing a mask', () => {
  it('stretches its pixels onto the new bounds by nearest neighbour', () => {
    const wide = mask.resize(half, { x: 5, y: 20, w: 8, h: 1 });
    expect(wide).toMatchObject({ x: 5, y: 20, w: 8, h: 1 });
    expect(Array.from(decodeMask(wide))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(maskArea(wide)).toBe(4);
  });

  it('lands on whole pixels and keeps at least one', () => {
    const tiny = mask.resize(half, { x: 10.4, y: 19.6, w: 0.2, h: 0.2 });
    expect(tiny).toMatchObject({ x: 10, y: 20, w: 1, h: 1 });
  });

  it('only moves when the size is unchanged', () => {
    expect(mask.resize(half, { x: 0, y: 0, w: 4, h: 2 })).toEqual({ ...half, x: 0, y: 0 });
  });
});
