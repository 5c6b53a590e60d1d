import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/**
 * Answers "does this file exist?" from one listing per folder instead of one stat per file:
 * a manifest names thousands of files in a handful of folders.
 */
export class DirIndex {
  private readonly listings = new Map<string, Promise<Set<string>>>();

  async hasFile(path: string): Promise<boolean> {
    const dir = dirname(path);
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = readdir(dir, { withFileTypes: true }).then(
        (entries) => new Set(entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name)),
        () => new Set<string>(),
      );
      this.listings.set(dir, listing);
    }
    return (await listing).has(basename(path));
  }
}
