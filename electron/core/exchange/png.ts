import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Below this many bytes deflating here is quicker than a trip to the thread pool. */
const INLINE_BYTES = 256 * 1024;
const GREY_8BIT = { bitDepth: 8, colourType: 0 } as const;

/**
 * A 0/1 (or 0/255) bitmap as an 8-bit grey PNG with 0 and 255, as MVTec and LabelMe masks are.
 * Written here rather than by an image library: a mask is rows of two values, and an export
 * writes thousands of them, where a decoder pipeline per file would cost more than the pixels.
 */
export async function encodeMaskPng(bitmap: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (bitmap.length < width * height)
    throw new Error(`mask of ${bitmap.length} pixels is smaller than its ${width}×${height} image`);
  const stride = width + 1;
  // Each row starts with its filter type; 0 (none) suits runs of equal bytes best.
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const from = y * width;
    for (let x = 0; x < width; x++) if (bitmap[from + x]) rows[y * stride + 1 + x] = 255;
  }
  const options = { level: 6 };
  const compressed =
    rows.length < INLINE_BYTES ? deflateSync(rows, options) : await deflateAsync(rows, options);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = GREY_8BIT.bitDepth;
  header[9] = GREY_8BIT.colourType;
  // Bytes 10–12: deflate compression, adaptive filtering, no interlace (all 0).
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', compressed), pngChunk('IEND')]);
}

/** One PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array = new Uint8Array(0)): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
