import sharp from 'sharp';
import type { MaskShape } from '../../contract';
import { maskShapeFromBitmap } from '../geometry/rle';
import { MediaError } from './errors';
import { decodePixels, nativeDepth, rawBufferToPixels, type Pixels } from './load';

/**
 * A ground-truth mask file (MVTec `*_mask.png`, BSData `masks/`) as a MaskShape cropped to its
 * set pixels; null when the mask is empty. Any non-zero colour sample counts as set.
 */
export async function decodeMaskFile(
  path: string,
  expectedWidth: number,
  expectedHeight: number,
): Promise<MaskShape | null> {
  const pixels = await decodePixels(path);
  if (pixels.width !== expectedWidth || pixels.height !== expectedHeight) {
    throw new MediaError(
      path,
      `mask is ${pixels.width}x${pixels.height}, the image is ${expectedWidth}x${expectedHeight}`,
    );
  }
  return maskShapeFromBitmap(bitmapOf(pixels), pixels.width, pixels.height);
}

/** An encoded mask image held in memory (LabelMe's base64 `mask`) as a 0/1 bitmap. */
export async function decodeMaskBytes(
  bytes: Buffer,
): Promise<{ width: number; height: number; bitmap: Uint8Array }> {
  const image = sharp(bytes, { failOn: 'error' });
  const meta = await image.metadata();
  const bitDepth = meta.depth === 'ushort' ? 16 : 8;
  const raw = await nativeDepth(image, { bitDepth, channels: meta.channels }).toBuffer({
    resolveWithObject: true,
  });
  const pixels = rawBufferToPixels(raw.data, raw.info, bitDepth);
  return { width: pixels.width, height: pixels.height, bitmap: bitmapOf(pixels) };
}

function bitmapOf(pixels: Pixels): Uint8Array {
  const { width, height, channels, bitDepth, data } = pixels;
  // Alpha says nothing about the class of a pixel, so only colour samples count.
  const colour = channels === 2 || channels === 4 ? channels - 1 : channels;
  const samples = bitDepth === 16 ? new Uint16Array(data.buffer, data.byteOffset, data.length / 2) : data;
  const bitmap = new Uint8Array(width * height);
  for (let p = 0; p < bitmap.length; p++) {
    for (let c = 0; c < colour; c++) {
      if (samples[p * channels + c]) {
        bitmap[p] = 1;
        break;
      }
    }
  }
  return bitmap;
}
