import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export type RawImage = { data: Uint8Array; width: number; height: number; channels: number };

/**
 * Decodes the PNGs inference writes (8-bit grey, grey+alpha, RGB or RGBA, not interlaced) in a
 * fraction of a general decoder's time: 10,000 heat maps are most of an evaluation's work.
 * Returns null for any other PNG, so the caller can hand it to a general decoder.
 */
export function decodeSimplePng(file: Buffer): RawImage | null {
  if (file.length < 33 || SIGNATURE.some((b, i) => file[i] !== b)) return null;
  let offset = 8;
  let header: { width: number; height: number; channels: number } | null = null;
  const idat: Buffer[] = [];
  while (offset + 8 <= file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      const [bitDepth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      const channels = CHANNELS[colourType ?? -1];
      if (bitDepth !== 8 || interlace !== 0 || channels === undefined) return null;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), channels };
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!header || idat.length === 0) return null;
  const { width, height, channels } = header;
  const stride = width * channels;
  const packed = inflateSync(Buffer.concat(idat));
  if (packed.length < height * (stride + 1)) throw new Error(`PNG data ends early (${packed.length} bytes)`);
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) unfilterRow(packed, y * (stride + 1), data, y * stride, stride, channels);
  return { data, width, height, channels };
}

/** One loop per filter type: a branch per byte would cost more than the inflate itself. */
function unfilterRow(
  src: Buffer,
  at: number,
  out: Uint8Array,
  row: number,
  stride: number,
  bpp: number,
): void {
  const filter = src[at]!;
  const from = at + 1;
  const up = row - stride;
  const hasUp = up >= 0;
  switch (filter) {
    case 0:
      out.set(src.subarray(from, from + stride), row);
      return;
    case 1:
      for (let i = 0; i < stride; i++) out[row + i] = src[from + i]! + (i >= bpp ? out[row + i - bpp]! : 0);
      return;
    case 2:
      for (let i = 0; i < stride; i++) out[row + i] = src[from + i]! + (hasUp ? out[up + i]! : 0);
      return;
    case 3:
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? out[row + i - bpp]! : 0;
        const b = hasUp ? out[up + i]! : 0;
        out[row + i] = src[from + i]! + ((a + b) >> 1);
      }
      return;
    case 4:
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? out[row + i - bpp]! : 0;
        const b = hasUp ? out[up + i]! : 0;
        const c = i >= bpp && hasUp ? out[up + i - bpp]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        out[row + i] = src[from + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      return;
    default:
      throw new Error(`PNG row ${row / stride} has unknown filter ${filter}`);
  }
}
