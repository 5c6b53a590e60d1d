import sharp from 'sharp';
import type { Bitmap, RgbImage } from './image';

// Fixed settings: the same pixels must always give the same bytes (the determinism promise).
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

/** The image as PNG: one grey channel when the domain is grey, RGB otherwise. */
export async function encodeImagePng(image: RgbImage): Promise<Buffer> {
  const { width, height } = image;
  if (!image.grey) {
    return sharp(image.data, { raw: { width, height, channels: 3 } })
      .png(PNG_OPTIONS)
      .toBuffer();
  }
  const grey = new Uint8Array(width * height);
  for (let p = 0; p < grey.length; p++) grey[p] = image.data[p * 3]!;
  return encodeGrey(grey, width, height);
}

/** A 0/1 mask as the 0/255 single-channel PNG MVTec's ground truth uses. */
export async function encodeMaskPng(mask: Bitmap, width: number, height: number): Promise<Buffer> {
  const pixels = new Uint8Array(mask.length);
  for (let p = 0; p < mask.length; p++) pixels[p] = mask[p] ? 255 : 0;
  return encodeGrey(pixels, width, height);
}

function encodeGrey(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png(PNG_OPTIONS)
    .toBuffer();
}
