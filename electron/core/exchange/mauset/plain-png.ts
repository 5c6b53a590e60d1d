import { decode } from 'fast-png';

/** An 8-bit grey (1 channel) or RGB (3 channels) image, rows packed without padding. */
export type PlainPixels = { width: number; height: number; channels: 1 | 3; data: Uint8Array };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/**
 * Chunks that cannot change the pixels an image library reads. Any other one (gamma, colour
 * profile, transparency, EXIF orientation, a palette, …) might, so such a file is left to sharp.
 */
const PLAIN_CHUNKS = new Set(['IHDR', 'IDAT', 'IEND', 'tEXt', 'zTXt', 'iTXt', 'pHYs', 'tIME']);
/** sharp's default limitInputPixels: a larger image is one it refuses, so this path does too. */
const MAX_PIXELS = 0x3fff * 0x3fff;
/**
 * fast-png decodes on the calling thread: a big file is left to sharp, which decodes in its
 * thread pool instead of holding up the export's other work.
 */
const MAX_BYTES = 1 << 20;

/**
 * The header of an 8-bit grey or RGB PNG, not interlaced, whose chunks are all plain; null for
 * anything else (other formats included).
 */
function plainHeader(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33 || SIGNATURE.some((value, i) => bytes[i] !== value)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  const [bitDepth, colourType, , , interlace] = bytes.subarray(24, 29);
  if (bitDepth !== 8 || (colourType !== 0 && colourType !== 2) || interlace !== 0) return null;
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) return null;
  for (let at = 8; at + 8 <= bytes.length;) {
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!PLAIN_CHUNKS.has(type)) return null;
    if (type === 'IEND') return { width, height };
    at += 12 + view.getUint32(at);
  }
  return null;
}

/**
 * The pixels of a PNG plain enough that any reader sees the same ones: 8-bit grey or RGB, not
 * interlaced, no chunk that could alter how pixels are read, every CRC right (fast-png checks
 * them). Null for anything else, which callers hand to sharp: a fast path for the common small
 * mask and image, without sharp's per-call trip to its thread pool (about 1.7 ms each).
 */
export async function decodePlainPng(bytes: Uint8Array): Promise<PlainPixels | null> {
  if (bytes.length > MAX_BYTES || !plainHeader(bytes)) return null;
  try {
    const png = decode(bytes, { checkCrc: true });
    if (png.depth !== 8 || (png.channels !== 1 && png.channels !== 3) || png.palette) return null;
    const data = png.data;
    if (!(data instanceof Uint8Array) || data.length !== png.width * png.height * png.channels) return null;
    return { width: png.width, height: png.height, channels: png.channels, data };
  } catch {
    return null;
  }
}
