import sharp from 'sharp';

/** Cells per side: 16 × 16 brightness comparisons, 256 bits. */
export const VISUAL_HASH_CELLS = 16;
const COLUMNS = VISUAL_HASH_CELLS + 1;

/**
 * A difference hash of what an image looks like: its brightness averaged over a 17 × 16 grid,
 * one bit per cell saying whether the cell to its right is brighter. Re-encoding, resizing and
 * small shifts leave most bits alone, so images whose hashes differ in a few bits are near-duplicates.
 * Returns 64 hex digits. Works on any interleaved 8-bit pixels (grey, grey+alpha, RGB, RGBA).
 */
export function visualHashOfPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): string {
  const sums = new Float64Array(COLUMNS * VISUAL_HASH_CELLS);
  const counts = new Uint32Array(COLUMNS * VISUAL_HASH_CELLS);
  const colour = channels >= 3;
  for (let y = 0; y < height; y++) {
    const row = Math.min(VISUAL_HASH_CELLS - 1, Math.floor((y * VISUAL_HASH_CELLS) / height)) * COLUMNS;
    for (let x = 0, p = y * width * channels; x < width; x++, p += channels) {
      const cell = row + Math.min(COLUMNS - 1, Math.floor((x * COLUMNS) / width));
      // Rec. 601 luma: colour images hash like their grey versions
      sums[cell]! += colour ? 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]! : data[p]!;
      counts[cell]! += 1;
    }
  }
  const mean = (cell: number) => (counts[cell] ? sums[cell]! / counts[cell]! : 0);
  let hex = '';
  for (let y = 0; y < VISUAL_HASH_CELLS; y++) {
    for (let x = 0; x < VISUAL_HASH_CELLS; x += 4) {
      let nibble = 0;
      for (let b = 0; b < 4; b++) {
        const cell = y * COLUMNS + x + b;
        nibble = (nibble << 1) | (mean(cell) < mean(cell + 1) ? 1 : 0);
      }
      hex += nibble.toString(16);
    }
  }
  return hex;
}

/** The visual hash of an image file (a thumbnail: the hash only needs a few hundred pixels a side). */
export async function visualHashOfFile(path: string): Promise<string> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  return visualHashOfPixels(data, info.width, info.height, info.channels);
}

const WORDS = 8;

/** A visual hash as eight 32-bit words, for comparing many pairs without re-parsing. */
export function parseVisualHash(hex: string): Uint32Array {
  const out = new Uint32Array(WORDS);
  for (let w = 0; w < WORDS; w++) out[w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
  return out;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits in which two parsed visual hashes differ. */
export function parsedDistance(x: Uint32Array, y: Uint32Array): number {
  let bits = 0;
  for (let w = 0; w < WORDS; w++) bits += popcount((x[w]! ^ y[w]!) >>> 0);
  return bits;
}

/** Bits in which two visual hashes differ. */
export function hashDistance(a: string, b: string): number {
  return parsedDistance(parseVisualHash(a), parseVisualHash(b));
}
