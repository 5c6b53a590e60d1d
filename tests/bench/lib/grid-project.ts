import { linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectStore } from '../../../electron/core/store';
import type { GridImages } from './grid-images';
import { gridRow } from './grid-rows';
import { scratchDir } from './scratch';

/** Hard-links the cached thumbnails into the project's cache, as an import would have left them. */
function linkThumbnails(from: string, projectDir: string): void {
  for (const shard of readdirSync(from)) {
    const to = join(projectDir, 'cache', 'thumbs', shard);
    mkdirSync(to, { recursive: true });
    for (const file of readdirSync(join(from, shard))) linkSync(join(from, shard, file), join(to, file));
  }
}

/**
 * A project with one row per grid file, written through the store's upsertImportedSample in
 * one transaction (the import's own write path, without decoding 100k files). Returns the
 * project folder, closed, and how long the rows took to write.
 */
export function seedGridProject(images: GridImages): { dir: string; seedMs: number } {
  const dir = scratchDir('grid-project');
  const store = ProjectStore.create(dir, 'bench grid');
  try {
    store.addImageRoot(images.root);
    linkThumbnails(images.thumbDir, dir);
    const sizes = new Map<number, number>();
    const sizeOf = (distinct: number, path: string) => {
      if (!sizes.has(distinct)) sizes.set(distinct, statSync(path).size);
      return sizes.get(distinct) as number;
    };
    const start = performance.now();
    store.transaction(() => {
      for (const [i, file] of images.files.entries()) {
        const row = gridRow(
          file,
          i,
          images.hashes[file.distinct] as string,
          sizeOf(file.distinct, file.path),
        );
        store.upsertImportedSample(row);
      }
    });
    return { dir, seedMs: performance.now() - start };
  } finally {
    store.close();
  }
}
