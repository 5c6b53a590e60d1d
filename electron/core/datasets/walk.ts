import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type WalkOptions = {
  /** Keep a file (by name and path); folders are always entered. */
  accept: (name: string, path: string) => boolean;
  /** A sub-folder that cannot be read; the walk goes on without it. */
  onError?: (dir: string, error: Error) => void;
  signal?: AbortSignal;
  /** Recurse into sub-folders (default true). */
  recursive?: boolean;
};

const PROJECT_FILE = 'project.sqlite';

/**
 * Files under `root`, sorted by path. Skips hidden entries and a project's own `cache/` (its
 * thumbnails must never come back as images); follows symbolic links, each real folder once.
 */
export async function walkFiles(root: string, options: WalkOptions): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string): Promise<void> => {
    options.signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root || !options.onError) throw error;
      options.onError(dir, error as Error);
      return;
    }
    const isProject = entries.some((e) => e.name === PROJECT_FILE && e.isFile());
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const kind = entry.isSymbolicLink() ? await kindOf(path) : entry.isDirectory() ? 'dir' : 'file';
      if (kind === 'dir') {
        if (options.recursive === false || (isProject && entry.name === 'cache')) continue;
        await visit(path);
      } else if (kind === 'file' && options.accept(entry.name, path)) found.push(path);
    }
  };
  await visit(root);
  return found.sort();
}

async function kindOf(path: string): Promise<'dir' | 'file' | null> {
  const target = await stat(path).catch(() => null);
  if (!target) return null;
  return target.isDirectory() ? 'dir' : 'file';
}
