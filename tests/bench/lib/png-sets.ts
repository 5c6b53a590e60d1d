import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cachedDir } from './scratch';
import { mapLimit } from './stats';
import { syntheticImage, writePng } from './synthetic-image';

export type PngSet = {
  dir: string;
  files: string[];
  reused: boolean;
  seconds: number;
  /** Total size of the files. */
  bytes: number;
  /** Changes whenever the set is generated anew: caches derived from it put it in their key. */
  stamp: string;
};

export const pngName = (index: number) => `img-${String(index).padStart(6, '0')}.png`;

/**
 * `count` distinct PNGs of one size in a folder under os.tmpdir(), generated once: a rerun with
 * the same parameters finds them complete and skips the work.
 */
export async function pngSet(
  cacheName: string,
  count: number,
  width: number,
  height: number,
  log: (message: string) => void,
  seedBase = 1,
): Promise<PngSet> {
  const start = performance.now();
  const key = `v2 ${count} ${width}x${height} seed ${seedBase}`;
  const files = Array.from({ length: count }, (_, i) => pngName(i));
  const { dir, reused } = await cachedDir(cacheName, key, async (target) => {
    log(`generating ${count} PNGs of ${width}×${height} in ${target}…`);
    let written = 0;
    await mapLimit(files, availableParallelism() + 1, async (file, i) => {
      await writePng(join(target, file), syntheticImage(width, height, seedBase + i), i);
      if (++written % 2000 === 0) log(`  ${written} / ${count}`);
    });
  });
  const stamp = String(Math.round(statSync(join(dir, '.complete')).mtimeMs));
  const paths = files.map((f) => join(dir, f));
  const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);
  return { dir, files: paths, reused, seconds: (performance.now() - start) / 1000, stamp, bytes };
}
