import sharp, { type ResizeOptions, type Sharp } from 'sharp';
import { MediaError } from './errors';
import { FORMAT_NAMES } from './image-format';
import {
  fromPixels,
  inspectImage,
  nativeDepth,
  openSharp,
  rawBufferToPixels,
  type ImageInfo,
  type ImageSource,
} from './load';
import { stretchTo8 } from './stretch';
import { visualHashOfPixels } from './visual-hash';
import { writeFileAtomic } from './write-atomic';

export type ThumbnailOptions = { size?: number; quality?: number };
export type Thumbnail = {
  width: number;
  height: number;
  bytes: number;
  /** What the thumbnail looks like, for near-duplicate grouping (media/visual-hash.ts). */
  visualHash: string;
};

/**
 * A JPEG at most `size` pixels on its longer side, aspect kept, never enlarged. Decodes the whole
 * image, so it is also the check that catches damaged pixel data.
 */
export async function makeThumbnail(
  path: string,
  outPath: string,
  options: ThumbnailOptions = {},
  known?: ImageSource,
): Promise<Thumbnail> {
  const source = known ?? { info: await inspectImage(path) };
  const { info } = source;
  const size = options.size ?? 256;
  const resize: ResizeOptions = { width: size, height: size, fit: 'inside', withoutEnlargement: true };
  try {
    const resized = (await openSharp(path, source)).resize(resize);
    const image = info.bitDepth === 16 ? await stretchedCopy(resized, info) : resized;
    // the small pixels once, then both the JPEG and the visual hash from them: no second decode
    const pixels = await image.flatten({ background: '#000000' }).raw().toBuffer({ resolveWithObject: true });
    const { width, height, channels } = pixels.info;
    const data = await sharp(pixels.data, { raw: { width, height, channels } })
      .jpeg({ quality: options.quality ?? 80 })
      .toBuffer();
    await writeFileAtomic(outPath, data);
    return {
      width,
      height,
      bytes: data.length,
      visualHash: visualHashOfPixels(pixels.data, width, height, channels),
    };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError(
      path,
      `cannot make a thumbnail of this ${FORMAT_NAMES[info.format]}: ${(error as Error).message}`,
    );
  }
}

// Stretch after the resize: the range of the small image is what the thumbnail shows, and the
// averaging makes it less sensitive to a few hot pixels.
async function stretchedCopy(resized: Sharp, info: ImageInfo): Promise<Sharp> {
  const raw = await nativeDepth(resized, info).toBuffer({ resolveWithObject: true });
  return fromPixels(stretchTo8(rawBufferToPixels(raw.data, raw.info, 16)));
}
