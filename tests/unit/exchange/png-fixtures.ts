import { deflateSync } from 'node:zlib';
import { pngChunk as chunk } from '../../../electron/core/media/grey-png';

/** Seeded pixels: noise over a gradient, so every PNG row filter has something to do. */
export function pixels(width: number, height: number, channels: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * channels);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const gradient = ((i / channels) % width) * 3;
    data[i] = (gradient + (state >>> 26)) & 0xff;
  }
  return data;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * An 8-bit PNG written by hand, row y with filter `y % 5` (none, sub, up, average, Paeth), so a
 * decoder meets every filter; `extra` chunks go between IHDR and IDAT.
 */
export function handPng(
  data: Uint8Array,
  width: number,
  height: number,
  colourType: 0 | 2,
  extra: { type: string; data: Uint8Array }[] = [],
): Buffer {
  const bpp = colourType === 2 ? 3 : 1;
  const stride = width * bpp;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const a = x >= bpp ? (data[at - bpp] as number) : 0;
      const b = y > 0 ? (data[at - stride] as number) : 0;
      const c = x >= bpp && y > 0 ? (data[at - stride - bpp] as number) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] as number;
      raw[y * (stride + 1) + 1 + x] = ((data[at] as number) - predictor) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colourType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...extra.map((e) => chunk(e.type, e.data)),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
