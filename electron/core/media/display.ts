import { readFile } from 'node:fs/promises';
import { MediaError } from './errors';
import { decodePixels, fromPixels, inspectImage } from './load';
import { stretchTo8 } from './stretch';

export type DisplayImage = { body: Buffer; contentType: 'image/png' | 'image/jpeg' };

/**
 * What a browser can show: 8-bit PNG and JPEG as stored (no re-encoding, no quality loss);
 * 16-bit, BMP and TIFF converted to an 8-bit PNG, 16-bit with a min/max stretch.
 */
export async function renderDisplayImage(path: string): Promise<DisplayImage> {
  const info = await inspectImage(path);
  if (info.bitDepth === 8 && (info.format === 'png' || info.format === 'jpeg')) {
    return { body: await readFile(path), contentType: info.format === 'png' ? 'image/png' : 'image/jpeg' };
  }
  const pixels = stretchTo8(await decodePixels(path, { info }));
  // Fast zlib level: this runs per request, and the PNG only travels to a local window.
  const body = await fromPixels(pixels)
    .png({ compressionLevel: 3 })
    .toBuffer()
    .catch((error: Error) => {
      throw new MediaError(path, `cannot convert for display: ${error.message}`);
    });
  return { body, contentType: 'image/png' };
}
