import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { decodeBmp } from './bmp';
import { MediaError } from './errors';
import { FORMAT_NAMES } from './image-format';
import { failWithFile, inspectImage, SHARP_OPTIONS, type ImageInfo } from './inspect';

export { inspectImage, type ImageInfo } from './inspect';

/** Decoded samples, row-major, interleaved; 16-bit samples little-endian. */
export type Pixels = { width: number; height: number; channels: number; bitDepth: 8 | 16; data: Buffer };

/** An inspected image, with the whole file when it was read into memory anyway (hashing). */
export type ImageSource = { info: ImageInfo; bytes?: Buffer };

/** Full-resolution samples in the file's own depth: 16-bit stays 16-bit, grey stays grey. */
export async function decodePixels(path: string, source?: ImageSource): Promise<Pixels> {
  const info = source?.info ?? (await inspectImage(path));
  if (info.format === 'bmp') {
    const bytes = source?.bytes ?? (await readFile(path));
    const bmp = failWithFile(path, () => decodeBmp(bytes));
    return { width: bmp.width, height: bmp.height, channels: bmp.channels, bitDepth: 8, data: bmp.data };
  }
  const pipeline = nativeDepth(sharp(source?.bytes ?? path, SHARP_OPTIONS), info);
  const { data, info: out } = await pipeline.toBuffer({ resolveWithObject: true }).catch((error: Error) => {
    throw new MediaError(path, `cannot decode ${FORMAT_NAMES[info.format]}: ${error.message}`);
  });
  return rawBufferToPixels(data, out, info.bitDepth);
}

/** sharp's raw output as Pixels; its 16-bit samples are in machine order, ours little-endian. */
export function rawBufferToPixels(data: Buffer, out: OutputInfo, bitDepth: 8 | 16): Pixels {
  if (bitDepth === 16 && endianness() === 'BE') data.swap16();
  return { width: out.width, height: out.height, channels: out.channels, bitDepth, data };
}

/**
 * A sharp pipeline over the image, for work sharp can do (resize, encode). BMP goes through our
 * decoder; everything else is read by libvips itself, so JPEG shrink-on-load still applies.
 */
export async function openSharp(path: string, source: ImageSource): Promise<Sharp> {
  if (source.info.format !== 'bmp') return sharp(source.bytes ?? path, SHARP_OPTIONS);
  return fromPixels(await decodePixels(path, source));
}

export function fromPixels(pixels: Pixels): Sharp {
  const { width, height, channels, data } = pixels;
  if (channels < 1 || channels > 4) throw new Error(`cannot wrap ${channels}-channel pixels`);
  const raw = { width, height, channels: channels as 1 | 2 | 3 | 4 };
  const input = pixels.bitDepth === 8 ? data : new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  const image = sharp(input, { raw });
  // sharp treats raw input as sRGB and would write grey as three equal channels.
  return channels === 1 ? image.toColourspace(pixels.bitDepth === 8 ? 'b-w' : 'grey16') : image;
}

/** Raw output that keeps the file's depth and grey/colour nature instead of sharp's 8-bit sRGB. */
export function nativeDepth(pipeline: Sharp, info: Pick<ImageInfo, 'bitDepth' | 'channels'>): Sharp {
  const grey = info.channels <= 2;
  if (info.bitDepth === 16) return pipeline.toColourspace(grey ? 'grey16' : 'rgb16').raw({ depth: 'ushort' });
  return pipeline.toColourspace(grey ? 'b-w' : 'srgb').raw();
}
