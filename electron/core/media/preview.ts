import { join } from 'node:path';
import { PREVIEW_MAX_SIDE } from '../../contract/media';
import { MediaError } from './errors';
import { FORMAT_NAMES } from './image-format';
import { inspectImage, openSharp, type ImageSource } from './load';
import { writeFileAtomic } from './write-atomic';

/**
 * Quality 85: at the screen size it is shown at, indistinguishable from the source, and the
 * viewer swaps in the full image as soon as that is decoded anyway.
 */
const PREVIEW_QUALITY = 85;

/** Previews live next to the thumbnails in the project cache, keyed by content like them. */
export function previewPathFor(cacheDir: string, contentHash: string): string {
  return join(cacheDir, 'previews', contentHash.slice(0, 2), `${contentHash}.jpg`);
}

/**
 * A screen-sized JPEG of an 8-bit image (longer side PREVIEW_MAX_SIDE, aspect kept), written
 * atomically to `outPath`. Returns the bytes, so a request that had to make it can answer at once.
 */
export async function makePreview(path: string, outPath: string, known?: ImageSource): Promise<Buffer> {
  const source = known ?? { info: await inspectImage(path) };
  try {
    const data = await (
      await openSharp(path, source)
    )
      .resize({
        width: PREVIEW_MAX_SIDE,
        height: PREVIEW_MAX_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#000000' })
      .jpeg({ quality: PREVIEW_QUALITY })
      .toBuffer();
    await writeFileAtomic(outPath, data);
    return data;
  } catch (error) {
    if (error instanceof MediaError) throw error;
    throw new MediaError(
      path,
      `cannot make a preview of this ${FORMAT_NAMES[source.info.format]}: ${(error as Error).message}`,
    );
  }
}
