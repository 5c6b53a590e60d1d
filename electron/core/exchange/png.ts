import { encodeGreyPng } from '../media/grey-png';

/** A 0/1 (or 0/255) bitmap as an 8-bit grey PNG with 0 and 255, as MVTec and LabelMe masks are. */
export async function encodeMaskPng(bitmap: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (bitmap.length < width * height)
    throw new Error(`mask of ${bitmap.length} pixels is smaller than its ${width}×${height} image`);
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) if (bitmap[i]) pixels[i] = 255;
  return encodeGreyPng(pixels, width, height);
}
