import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import {
  inspectImage,
  makeThumbnail,
  THUMB_SIZE,
  thumbPathFor,
  type ImageInfo,
} from '../../../electron/core/media';
import { ProjectStore } from '../../../electron/core/store';
import { scratchDir } from './scratch';

export type PhaseTimes = { readMs: number; hashMs: number; decodeMs: number; databaseMs: number };

/** The writer's batch size (electron/core/jobs/import-writer.ts), so the database pass commits alike. */
const BATCH = 200;

/**
 * The kinds of work of an import, each timed alone on the same files, one file at a time on this
 * thread: what each costs, free of the worker pool's overlap. Per file, as the import's probe does
 * for any file up to 64 MiB, the bytes are read once and then
 * - hashed: sha256 of the bytes in memory (probeSource's path)
 * - decoded: inspected (header, completeness) and made into the 256 px JPEG thumbnail (full decode)
 * and then, for all files, the store's upsertImportedSample runs in transactions of 200.
 */
export async function timeImportPhases(root: string, files: readonly string[]): Promise<PhaseTimes> {
  const thumbDir = join(scratchDir('thumbs'), 'thumbs');
  const hashes: string[] = [];
  const infos: ImageInfo[] = [];
  let readMs = 0;
  let hashMs = 0;
  let decodeMs = 0;
  for (const file of files) {
    const t0 = performance.now();
    const bytes = await readFile(file);
    const t1 = performance.now();
    const hash = createHash('sha256').update(bytes).digest('hex');
    const t2 = performance.now();
    const info = await inspectImage(file, bytes);
    await makeThumbnail(file, thumbPathFor(thumbDir, hash), { size: THUMB_SIZE }, { info, bytes });
    const t3 = performance.now();
    readMs += t1 - t0;
    hashMs += t2 - t1;
    decodeMs += t3 - t2;
    hashes.push(hash);
    infos.push(info);
  }

  const store = ProjectStore.create(scratchDir('phase-db'), 'phases');
  try {
    const start = performance.now();
    for (let from = 0; from < files.length; from += BATCH) {
      store.transaction(() => {
        for (let i = from; i < Math.min(files.length, from + BATCH); i++) {
          const file = files[i] as string;
          store.upsertImportedSample({
            ...(infos[i] as ImageInfo),
            path: file,
            relPath: relative(root, file),
            fileName: basename(file),
            contentHash: hashes[i] as string,
            source: basename(root),
            domain: null,
            category: null,
            split: null,
            partId: null,
            verdict: null,
            defectTypes: [],
            regions: [],
          });
        }
      });
    }
    const databaseMs = performance.now() - start;
    return { readMs, hashMs, decodeMs, databaseMs };
  } finally {
    store.close();
  }
}
