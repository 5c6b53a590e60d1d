import sharp from 'sharp';

/** A 0/1 (or 0/255) bitmap as an 8-bit grey PNG with 0 and 255, as MVTec and LabelMe masks are. */
export async function encodeMaskPng(bitmap: Uint8Array, width: number, height: number): Promise<Buffer> {
  const grey = Buffer.alloc(width * height);
  for (let i = 0; i < grey.length; i++) if (bitmap[i]) grey[i] = 255;
  return sharp(grey, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer();
}
