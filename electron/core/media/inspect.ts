import { open, stat } from 'node:fs/promises';
import sharp, { type Metadata } from 'sharp';
import { readBmpHeader } from './bmp';
import { MediaError } from './errors';
import {
  describeHead,
  formatFromExtension,
  FORMAT_NAMES,
  sniffFormat,
  type ImageFormat,
} from './image-format';

export type ImageInfo = {
  format: ImageFormat;
  width: number;
  height: number;
  bitDepth: 8 | 16;
  channels: number;
  fileSize: number;
  mtimeMs: number;
};

/** failOn 'error': refuse damaged and truncated data, tolerate the warnings cameras cause. */
export const SHARP_OPTIONS = { failOn: 'error' } as const;

const HEAD_BYTES = 64;
const BMP_HEADER_BYTES = 14 + 124 + 16 + 256 * 4; // file header, largest info header, masks, palette
// A truncated JPEG's tail is entropy-coded data, where FF D9 cannot occur; a complete one ends
// with it, possibly followed by a vendor trailer, hence a generous window.
const JPEG_TAIL_BYTES = 64 * 1024;
const PNG_TAIL_BYTES = 64;

/**
 * What the file is and whether it looks complete, from its header and its ends (or from `bytes`,
 * the whole file already in memory). A file whose extension names another image format is
 * accepted as what it really is (`format` tells); anything else is refused with what it looks like.
 */
export async function inspectImage(path: string, bytes?: Buffer): Promise<ImageInfo> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new MediaError(path, error.code === 'ENOENT' ? 'file not found' : `cannot read: ${error.message}`);
  });
  if (!info.isFile()) throw new MediaError(path, 'not a file');
  const size = bytes?.length ?? info.size;
  if (size === 0) throw new MediaError(path, 'empty file (0 bytes)');
  const head = bytes ?? (await readRange(path, 0, Math.min(size, HEAD_BYTES)));
  const format = sniffFormat(head.subarray(0, HEAD_BYTES));
  if (!format) {
    const claimed = formatFromExtension(path);
    const what = claimed ? `not a ${FORMAT_NAMES[claimed]}` : 'not a PNG, JPEG, BMP or TIFF image';
    throw new MediaError(path, `${what} (${describeHead(head.subarray(0, HEAD_BYTES))})`);
  }
  const tailLength = Math.min(size, JPEG_TAIL_BYTES);
  checkComplete(
    path,
    format,
    bytes ? bytes.subarray(size - tailLength) : await readRange(path, size - tailLength, tailLength),
  );
  const base = { format, fileSize: size, mtimeMs: info.mtimeMs };
  if (format === 'bmp') {
    const bmpHead = bytes ?? (await readRange(path, 0, Math.min(size, BMP_HEADER_BYTES)));
    const header = failWithFile(path, () => readBmpHeader(bmpHead, size));
    return { ...base, width: header.width, height: header.height, bitDepth: 8, channels: header.channels };
  }
  const meta = await sharp(bytes ?? path, SHARP_OPTIONS)
    .metadata()
    .catch((error: Error) => {
      throw new MediaError(path, `unreadable ${FORMAT_NAMES[format]}: ${error.message}`);
    });
  return {
    ...base,
    width: meta.width,
    height: meta.height,
    bitDepth: bitDepthOf(path, meta),
    channels: meta.channels,
  };
}

/** Runs a decoder step, turning its error into one that names the file. */
export function failWithFile<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new MediaError(path, (error as Error).message);
  }
}

function bitDepthOf(path: string, meta: Metadata): 8 | 16 {
  if (meta.depth === 'uchar' || meta.depth === 'char') return 8;
  if (meta.depth === 'ushort' || meta.depth === 'short') return 16;
  throw new MediaError(path, `${meta.depth ?? 'unknown'} samples are not supported (only 8- and 16-bit)`);
}

function checkComplete(path: string, format: ImageFormat, tail: Uint8Array): void {
  if (format === 'png' && !Buffer.from(tail.subarray(-PNG_TAIL_BYTES)).includes('IEND')) {
    throw new MediaError(path, 'truncated PNG (no IEND chunk at the end)');
  }
  if (format === 'jpeg' && !Buffer.from(tail).includes(Buffer.of(0xff, 0xd9))) {
    throw new MediaError(path, 'truncated JPEG (no end-of-image marker)');
  }
}

async function readRange(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
