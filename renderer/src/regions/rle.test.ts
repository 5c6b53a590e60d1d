import { describe, expect, it } from 'vitest';
import { decodeMask, maskArea, maskEdges } from './rle';

describe('cropped mask run lengths', () => {
  it('starts with a run of zeros and alternates', () => {
    const bits = decodeMask({ w: 3, h: 2, rle: [1, 2, 1, 2] });
    expect([...bits]).toEqual([0, 1, 1, 0, 1, 1]);
    expect(maskArea({ rle: [1, 2, 1, 2] })).toBe(4);
  });

  it('accepts a leading zero-length run and ignores runs past the crop', () => {
    expect([...decodeMask({ w: 2, h: 1, rle: [0, 5] })]).toEqual([1, 1]);
  });

  it('marks only the outline of a filled square as edge', () => {
    const bits = new Uint8Array(9).fill(1);
    expect([...maskEdges(bits, 3, 3)]).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 1]);
  });
});
