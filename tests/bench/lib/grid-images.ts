import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeThumbnail, THUMB_SIZE, thumbPathFor } from '../../../electron/core/media';
import { availableParallelism } from 'node:os';
import { pngSet } from './png-sets';
import { mapLimit } from './stats';
import { cachedDir } from './scratch';

const WIDTH = 320;
const HEIGHT = 240;
const PER_FOLDER = 1_000;

export type GridFile = { path: string; relPath: string; distinct: number };
export type GridImages = {
  /** The image root of the project: every row's file is a hard link under it. */
  root: string;
  files: GridFile[];
  /** sha256 of each distinct image (the index of GridFile.distinct). */
  hashes: string[];
  /** Thumbnails of the distinct images, laid out as a project's cache/thumbs. */
  thumbDir: string;
};

async function distinctImages(distinct: number, log: (m: string) => void) {
  const set = await pngSet(`mau-bench-grid-png-${distinct}`, distinct, WIDTH, HEIGHT, log, 100_000);
  const key = `v1 ${distinct} ${THUMB_SIZE} ${set.stamp}`;
  const { dir: thumbCache } = await cachedDir(`mau-bench-grid-thumbs-${distinct}`, key, async (dir) => {
    log(`making ${distinct} thumbnails…`);
    const hashes = await mapLimit(set.files, availableParallelism() + 1, async (file) => {
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      await makeThumbnail(file, thumbPathFor(join(dir, 'thumbs'), hash), { size: THUMB_SIZE });
      return hash;
    });
    writeFileSync(join(dir, 'hashes.json'), JSON.stringify(hashes));
  });
  const hashes = JSON.parse(readFileSync(join(thumbCache, 'hashes.json'), 'utf8')) as string[];
  return { set, hashes, thumbDir: join(thumbCache, 'thumbs') };
}

/**
 * `count` distinct paths over a few thousand real images: each row's file is a hard link to one
 * of `distinct` generated PNGs (320×240), so the store sees unique paths, the server serves real
 * bytes, and the whole set costs a few megabytes. Cached under the temp folder per count.
 */
export async function gridImages(
  count: number,
  distinct: number,
  log: (m: string) => void,
): Promise<GridImages> {
  const { set, hashes, thumbDir } = await distinctImages(distinct, log);
  const files: GridFile[] = Array.from({ length: count }, (_, i) => {
    const folder = `lot-${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`;
    const relPath = `${folder}/part-${String(i).padStart(6, '0')}.png`;
    return { path: '', relPath, distinct: (i * 7919) % distinct };
  });
  const { dir } = await cachedDir(
    `mau-bench-grid-links-${count}-${distinct}`,
    `v1 ${count} of ${distinct} ${set.stamp}`,
    async (target) => {
      log(`linking ${count} paths…`);
      for (const [i, file] of files.entries()) {
        if (i % PER_FOLDER === 0) mkdirSync(join(target, file.relPath, '..'), { recursive: true });
        linkSync(set.files[file.distinct] as string, join(target, file.relPath));
      }
    },
  );
  for (const file of files) file.path = join(dir, file.relPath);
  return { root: dir, files, hashes, thumbDir };
}
