import type { MaskShape } from '../../../electron/contract';
import { decodeMask, encodeMask } from './rle';
import type { Rect } from './types';

/** Source index sampled by each of `to` destination cells: nearest neighbour, centre to centre. */
function sampleMap(from: number, to: number): Int32Array {
  const map = new Int32Array(to);
  for (let i = 0; i < to; i++) map[i] = Math.min(from - 1, Math.floor(((i + 0.5) * from) / to));
  return map;
}

/**
 * The mask stretched onto whole pixels of `to` (rounded; at least 1×1) by nearest neighbour, so
 * a resized defect keeps hard edges the way a reviewer painted them, and cost follows its crop.
 */
export function resizedMask(shape: MaskShape, to: Rect): MaskShape {
  const x = Math.round(to.x);
  const y = Math.round(to.y);
  const w = Math.max(1, Math.round(to.x + to.w) - x);
  const h = Math.max(1, Math.round(to.y + to.h) - y);
  if (w === shape.w && h === shape.h) return { ...shape, x, y };
  const bits = decodeMask(shape);
  const columns = sampleMap(shape.w, w);
  const rows = sampleMap(shape.h, h);
  const out = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) {
    const source = rows[row]! * shape.w;
    const target = row * w;
    for (let col = 0; col < w; col++) out[target + col] = bits[source + columns[col]!]!;
  }
  return { kind: 'mask', x, y, w, h, rle: encodeMask(out) };
}
