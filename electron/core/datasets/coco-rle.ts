import type { MaskShape } from '../../contract';
import { encodeRle, maskPixels } from '../geometry/rle';

/**
 * COCO's RLE counts run down the columns of the whole image (Fortran order), starting with
 * zeros; ours run along the rows of a crop. These convert between the two without ever
 * holding the full image, so cost follows the defect, not the image.
 */

/** Full-image, column-major counts of a crop that lies inside a `width`×`height` image. */
export function columnMajorCounts(mask: MaskShape, width: number, height: number): number[] {
  if (mask.x + mask.w > width || mask.y + mask.h > height) {
    throw new Error(
      `mask ${mask.w}x${mask.h} at ${mask.x}, ${mask.y} reaches outside the ${width}x${height} image`,
    );
  }
  const pixels = maskPixels(mask);
  const counts: number[] = [];
  let current = 0;
  let run = 0;
  const push = (bit: number, length: number) => {
    if (length === 0) return;
    if (bit === current) run += length;
    else {
      counts.push(run);
      current = bit;
      run = length;
    }
  };
  push(0, mask.x * height);
  const below = height - mask.y - mask.h;
  for (let cx = 0; cx < mask.w; cx++) {
    push(0, mask.y);
    for (let cy = 0; cy < mask.h; cy++) push(pixels[cy * mask.w + cx] as number, 1);
    push(0, below);
  }
  push(0, (width - mask.x - mask.w) * height);
  counts.push(run);
  return counts;
}

/**
 * The set pixels of full-image, column-major counts as a crop to their bounding box; null when
 * none is set. Throws (with a reason that reads after the field name) when the counts do not
 * cover the image exactly.
 */
export function maskFromColumnMajor(
  counts: readonly number[],
  width: number,
  height: number,
): MaskShape | null {
  const total = width * height;
  let offset = 0;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let i = 0; i < counts.length; i++) {
    const run = counts[i] as number;
    if (!Number.isSafeInteger(run) || run < 0) throw new Error(`run ${i} is ${run}, not a count`);
    if (offset + run > total) throw new Error(`runs cover more than the ${width}x${height} image`);
    if (i % 2 === 1 && run > 0) {
      const first = Math.floor(offset / height);
      const last = Math.floor((offset + run - 1) / height);
      x0 = Math.min(x0, first);
      x1 = Math.max(x1, last);
      // A run that crosses into the next column touches its top row and the last row above.
      y0 = Math.min(y0, first === last ? offset % height : 0);
      y1 = Math.max(y1, first === last ? (offset + run - 1) % height : height - 1);
    }
    offset += run;
  }
  if (offset !== total)
    throw new Error(`runs cover ${offset} of the ${total} pixels of the ${width}x${height} image`);
  if (x1 < 0) return null;
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const crop = new Uint8Array(w * h);
  offset = 0;
  for (let i = 0; i < counts.length; i++) {
    const run = counts[i] as number;
    if (i % 2 === 1) {
      for (let p = offset; p < offset + run; p++) {
        crop[((p % height) - y0) * w + (Math.floor(p / height) - x0)] = 1;
      }
    }
    offset += run;
  }
  return { kind: 'mask', x: x0, y: y0, w, h, rle: encodeRle(crop) };
}

/**
 * pycocotools' compressed counts (`rleToString`): each count, after the third as a difference
 * to the count two before, in 5-bit groups with a continuation bit, offset by 48 into ASCII.
 */
export function decodeCocoString(text: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < text.length) {
    let value = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= text.length) throw new Error('compressed counts end in the middle of a number');
      const c = text.charCodeAt(p) - 48;
      if (c < 0 || c > 63) throw new Error(`compressed counts have an invalid character at ${p}`);
      value += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) value -= 2 ** (5 * k);
    }
    if (counts.length > 2) value += counts[counts.length - 2] as number;
    counts.push(value);
  }
  return counts;
}

/** The inverse of `decodeCocoString` (pycocotools writes this form for iscrowd masks). */
export function encodeCocoString(counts: readonly number[]): string {
  let text = '';
  for (let i = 0; i < counts.length; i++) {
    let value = (counts[i] as number) - (i > 2 ? (counts[i - 2] as number) : 0);
    let more = true;
    while (more) {
      let c = ((value % 32) + 32) % 32;
      value = Math.floor(value / 32);
      more = c & 0x10 ? value !== -1 : value !== 0;
      if (more) c |= 0x20;
      text += String.fromCharCode(c + 48);
    }
  }
  return text;
}
