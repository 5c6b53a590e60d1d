import { promisify } from 'node:util';
import { crc32, deflate, deflateSync } from 'node:zlib';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Below this many bytes deflating here is quicker than a trip to the thread pool. */
const INLINE_BYTES = 256 * 1024;
const GREY_8BIT = { bitDepth: 8, colourType: 0 } as const;

/**
 * 8-bit grey pixels as a PNG, written here rather than by an image library: masks and heat-map
 * levels are written by the thousand, where an encoder pipeline per file costs more than the
 * pixels. Rows are unfiltered (filter 0), which suits runs of equal bytes best.
 */
export async function encodeGreyPng(
  pixels: Uint8Array,
  width: number,
  height: number,
  compressionLevel = 6,
): Promise<Buffer> {
  if (pixels.length < width * height)
    throw new Error(`${pixels.length} pixels are fewer than a ${width}×${height} image has`);
  const stride = width + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width, (y + 1) * width), y * stride + 1);
  const options = { level: compressionLevel };
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
