import { describe, expect, it } from 'vitest';
import type { MaskShape } from '../../../electron/contract';
import {
  columnMajorCounts,
  decodeCocoString,
  encodeCocoString,
  maskFromColumnMajor,
} from '../../../electron/core/datasets/coco-rle';
import { rectangleToBox } from '../../../electron/core/datasets/coco-shapes';
import { readYamlNames } from '../../../electron/core/datasets/yolo-yaml';
import { maskOutlines } from '../../../electron/core/exchange/mask-contour';
import { folderName, fraction } from '../../../electron/core/exchange/names';
import { fillOutlines, paintShape } from '../../../electron/core/exchange/rasterise';
import { maskPixels } from '../../../electron/core/geometry/rle';
import { fillHoles } from './compare';
import { art, noise } from './generated';

/** Column-major counts the slow, obvious way: every pixel of the full image, column by column. */
function naiveColumnMajor(mask: MaskShape, width: number, height: number): number[] {
  const pixels = maskPixels(mask);
  const counts: number[] = [];
  let [current, run] = [0, 0];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) {
      const inside = x >= mask.x && y >= mask.y && x < mask.x + mask.w && y < mask.y + mask.h;
      const bit = inside ? (pixels[(y - mask.y) * mask.w + x - mask.x] as number) : 0;
      if (bit === current) run++;
      else {
        counts.push(run);
        [current, run] = [bit, 1];
      }
    }
  }
  counts.push(run);
  return counts;
}

describe('COCO RLE', () => {
  it('writes column-major counts over the whole image, the way pycocotools reads them', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const mask = noise(seed % 7, seed % 5, 3 + (seed % 9), 2 + (seed % 6), seed);
      const [width, height] = [mask.x + mask.w + (seed % 4), mask.y + mask.h + (seed % 3)];
      const counts = columnMajorCounts(mask, width, height);
      expect(counts).toEqual(naiveColumnMajor(mask, width, height));
      const back = maskFromColumnMajor(counts, width, height)!;
      expect(naiveColumnMajor(back, width, height)).toEqual(counts);
    }
  });

  it('reads the compressed string form and writes the same string back', () => {
    expect(decodeCocoString('o02l00eR1')).toEqual([31, 2, 28, 2, 1137]);
    expect(encodeCocoString([31, 2, 28, 2, 1137])).toBe('o02l00eR1');
    // A count smaller than the one two before encodes a negative difference.
    expect(decodeCocoString(encodeCocoString([3, 2, 40, 1, 7, 0]))).toEqual([3, 2, 40, 1, 7, 0]);
    const big = [123456, 7, 99999, 3, 5_000_000];
    expect(decodeCocoString(encodeCocoString(big))).toEqual(big);
  });

  it('refuses counts that do not cover the image, and says how many they do', () => {
    expect(() => maskFromColumnMajor([5, 3, 10], 40, 30)).toThrow(
      'runs cover 18 of the 1200 pixels of the 40x30 image',
    );
    expect(() => maskFromColumnMajor([5, 3000], 40, 30)).toThrow('runs cover more than the 40x30 image');
    expect(() => decodeCocoString('o')).toThrow('end in the middle of a number');
    expect(maskFromColumnMajor([1200], 40, 30)).toBeNull();
  });
});

describe('mask outlines for YOLO segment', () => {
  it('fill back to exactly the mask with its holes filled, for many random masks', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const mask = noise(seed % 11, seed % 13, 1 + (seed % 17), 1 + (seed % 14), seed * 7919);
      const { polygons, holePixels } = maskOutlines(mask);
      const filled = fillOutlines(polygons, mask);
      const expected = fillHoles(mask);
      const grid = new Uint8Array(mask.w * mask.h);
      paintShape(grid, mask.w, mask.h, { ...expected, x: expected.x - mask.x, y: expected.y - mask.y });
      expect(filled, `seed ${seed}`).toEqual(grid);
      const area = maskPixels(mask).reduce((n, v) => n + v, 0);
      expect(holePixels).toBe(grid.reduce((n, v) => n + v, 0) - area);
    }
  });

  it('outline a pixel with its four corners and an L with its six', () => {
    expect(maskOutlines(art(3, 4, ['#'])).polygons).toEqual([
      [
        [3, 4],
        [4, 4],
        [4, 5],
        [3, 5],
      ],
    ]);
    expect(maskOutlines(art(0, 0, ['#.', '##'])).polygons).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [2, 1],
        [2, 2],
        [0, 2],
      ],
    ]);
  });

  it('keeps pixels that touch only at a corner apart, and finds no hole where the outside gets in', () => {
    expect(maskOutlines(art(0, 0, ['#.', '.#'])).polygons).toHaveLength(2);
    const ring = maskOutlines(art(0, 0, ['.##', '#.#', '###']));
    expect(ring).toMatchObject({ holePixels: 0 });
    expect(ring.polygons).toHaveLength(1);
    expect(maskOutlines(art(0, 0, ['###', '#.#', '###'])).holePixels).toBe(1);
  });
});

describe('rasterising', () => {
  it('sets a pixel when its centre is inside', () => {
    const bitmap = new Uint8Array(20 * 10);
    expect(paintShape(bitmap, 20, 10, { kind: 'box', x: 2.4, y: 1.6, w: 3.1, h: 1.0 })).toBe(3);
    // Centres 2.5, 3.5, 4.5 lie in [2.4, 5.5); of the rows only the centre 2.5 lies in [1.6, 2.6).
    expect([...bitmap.subarray(40, 60)].join('')).toBe('00111000000000000000');
    expect(bitmap.reduce((n, v) => n + v, 0)).toBe(3);
  });
});

describe('small helpers', () => {
  it('reads a box back from its 4-point polygon, in either direction, and nothing else', () => {
    expect(
      rectangleToBox([
        [1, 2],
        [5, 2],
        [5, 9],
        [1, 9],
      ]),
    ).toEqual({ kind: 'box', x: 1, y: 2, w: 4, h: 7 });
    expect(
      rectangleToBox([
        [1, 2],
        [1, 9],
        [5, 9],
        [5, 2],
      ]),
    ).toEqual({ kind: 'box', x: 1, y: 2, w: 4, h: 7 });
    expect(
      rectangleToBox([
        [1, 2],
        [5, 2],
        [6, 9],
        [1, 9],
      ]),
    ).toBeNull();
    expect(
      rectangleToBox([
        [1, 2],
        [5, 2],
        [5, 2],
        [1, 9],
      ]),
    ).toBeNull();
  });

  it('reads YOLO names in every form data.yaml files use', () => {
    expect(readYamlNames('nc: 2\nnames: [scratch, "dent, deep"]\n')).toEqual({
      names: ['scratch', 'dent, deep'],
      nc: 2,
    });
    expect(readYamlNames('names:\n- a\n- b\ntrain: x\n').names).toEqual(['a', 'b']);
    expect(readYamlNames('names:\n  0: a # first\n  1: "b#2"\n').names).toEqual({ 0: 'a', 1: 'b#2' });
    expect(readYamlNames("names: {0: a, 1: 'it''s'}\n").names).toEqual({ 0: 'a', 1: "it's" });
    expect(readYamlNames('names: [a,\n  b]\n').names).toEqual(['a', 'b']);
  });

  it('writes fractions with ten decimals and folder names a file system accepts', () => {
    expect(fraction(1 / 3)).toBe('0.3333333333');
    expect(fraction(0.5)).toBe('0.5');
    expect(fraction(1)).toBe('1');
    expect(fraction(-1e-12)).toBe('0');
    expect(folderName('rolled-in/scale: "x"')).toBe('rolled-in_scale_ _x_');
    expect(folderName('..hidden')).toBe('_hidden');
  });
});
