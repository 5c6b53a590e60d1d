import type { MaskShape } from '../../../electron/contract';

/** Decodes the cropped mask's alternating 0/1 run lengths into one byte per crop pixel. */
export function decodeMask(mask: Pick<MaskShape, 'w' | 'h' | 'rle'>): Uint8Array {
  const out = new Uint8Array(mask.w * mask.h);
  let at = 0;
  let value = 0;
  for (const run of mask.rle) {
    const end = Math.min(out.length, at + run);
    if (value) out.fill(1, at, end);
    at = end;
    value ^= 1;
  }
  return out;
}

/** Pixels on the mask with a neighbour off it (or on the crop edge): the mask's outline. */
export function maskEdges(bits: Uint8Array, w: number, h: number): Uint8Array {
  const edges = new Uint8Array(bits.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (!bits[i]) continue;
      const edge =
        x === 0 ||
        y === 0 ||
        x === w - 1 ||
        y === h - 1 ||
        !bits[i - 1] ||
        !bits[i + 1] ||
        !bits[i - w] ||
        !bits[i + w];
      if (edge) edges[i] = 1;
    }
  }
  return edges;
}

export function maskArea(mask: Pick<MaskShape, 'rle'>): number {
  let area = 0;
  for (let i = 1; i < mask.rle.length; i += 2) area += mask.rle[i] ?? 0;
  return area;
}

/** One byte per crop pixel → alternating 0/1 run lengths, starting with a (maybe empty) run of zeros. */
export function encodeMask(bits: Uint8Array): number[] {
  const runs: number[] = [];
  let value = 0;
  let run = 0;
  for (let i = 0; i < bits.length; i++) {
    const bit = bits[i] ? 1 : 0;
    if (bit === value) {
      run++;
      continue;
    }
    runs.push(run);
    value = bit;
    run = 1;
  }
  runs.push(run);
  return runs;
}
