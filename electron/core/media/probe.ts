import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { MediaError } from './errors';
import { hashFile } from './hash';
import { inspectImage, type ImageInfo } from './inspect';
import type { ImageSource } from './load';

export type ImageProbe = ImageInfo & { contentHash: string };

/**
 * Files up to this size are read once and then hashed, inspected and (on import) thumbnailed
 * from memory: several times faster than separate reads for typical camera images. Larger
 * files are hashed as a stream and never held whole.
 */
const IN_MEMORY_LIMIT = 64 * 1024 * 1024;

/**
 * What the store keeps about an image file. Reads the header and the file's ends for a
 * completeness check and hashes the bytes; it does not decode pixels, so damage in the middle of
 * the data surfaces when a thumbnail is made (the import does both).
 */
export async function probeImage(path: string): Promise<ImageProbe> {
  return (await probeSource(path)).probe;
}

/** probeImage, plus the file's bytes when they were read whole, for the next steps to reuse. */
export async function probeSource(path: string): Promise<{ probe: ImageProbe; source: ImageSource }> {
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size !== null && size > 0 && size <= IN_MEMORY_LIMIT) {
    const bytes = await readFile(path).catch((error: Error) => {
      throw new MediaError(path, `cannot read: ${error.message}`);
    });
    const info = await inspectImage(path, bytes);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    return { probe: { ...info, contentHash }, source: { info, bytes } };
  }
  const info = await inspectImage(path);
  const contentHash = await hashFile(path).catch((error: Error) => {
    throw new MediaError(path, `cannot read: ${error.message}`);
  });
  return { probe: { ...info, contentHash }, source: { info } };
}
