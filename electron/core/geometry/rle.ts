import type { MaskShape } from '../../contract/geometry';

/**
 * Run-length counts over a row-major 0/1 crop, the layout of `MaskShape.rle`: the first run
 * counts zeros (possibly 0 long) and runs alternate. Any non-zero pixel counts as set, so an
 * 8-bit 0/255 mask PNG can be passed as is.
 */
export function encodeRle(pixels: Uint8Array): number[] {
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  for (let i = 0; i < pixels.length; i++) {
    const bit = pixels[i] ? 1 : 0;
    if (bit === current) {
      run++;
    } else {
      counts.push(run);
      current = bit;
      run = 1;
    }
  }
  if (pixels.length > 0) counts.push(run);
  return counts;
}

/** The inverse of `encodeRle`; refuses counts that do not cover exactly `length` pixels. */
export function decodeRle(counts: readonly number[], length: number): Uint8Array {
  const pixels = new Uint8Array(length);
  let offset = 0;
  for (let i = 0; i < counts.length; i++) {
    const run = counts[i] as number;
    if (!Number.isInteger(run) || run < 0) throw new Error(`mask RLE: run ${i} is ${run}, not a count`);
    if (offset + run > length)
      throw new Error(`mask RLE: runs cover more than the ${length} pixels of the mask`);
    if (i % 2 === 1) pixels.fill(1, offset, offset + run);
    offset += run;
  }
  if (offset !== length)
    throw new Error(`mask RLE: runs cover ${offset} of the ${length} pixels of the mask`);
  return pixels;
}

/** Number of set pixels, without decoding. */
export function rleArea(counts: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < counts.length; i += 2) area += counts[i] as number;
  return area;
}

/** The crop's pixels (0/1, row-major, w×h) of a mask shape. */
export function maskPixels(mask: MaskShape): Uint8Array {
  return decodeRle(mask.rle, mask.w * mask.h);
}

/**
 * Crops a full-image bitmap (e.g. a ground-truth PNG) to the bounding box of its set pixels, so
 * storage and drawing cost follow the defect, not the image. Null when nothing is set.
 */
export function maskShapeFromBitmap(bitmap: Uint8Array, width: number, height: number): MaskShape | null {
  if (bitmap.length !== width * height) {
    throw new Error(`mask bitmap has ${bitmap.length} pixels, expected ${width}×${height}`);
  }
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (!bitmap[row + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const crop = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    crop.set(bitmap.subarray((y0 + y) * width + x0, (y0 + y) * width + x1 + 1), y * w);
  return { kind: 'mask', x: x0, y: y0, w, h, rle: encodeRle(crop) };
}
