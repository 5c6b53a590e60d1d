import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under `root` with the hash of its bytes, keyed by `/`-separated relative path. */
export function treeHashes(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hashes[relative(root, path).split('\\').join('/')] = sha256(readFileSync(path));
    }
  };
  walk(root);
  return hashes;
}

export function countSet(bitmap: Uint8Array): number {
  let n = 0;
  for (const v of bitmap) if (v) n++;
  return n;
}
