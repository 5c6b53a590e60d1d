import fs from 'node:fs';
import path from 'node:path';
import { nowIso, pluckStmt, stmt, type Db } from './sql';

/**
 * The canonical form of a path: absolute, `..` resolved, symlinks followed as far as the path
 * exists (a file that is not there yet is judged by where its folder really is).
 */
export function canonicalPath(p: string): string {
  const absolute = path.resolve(p);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

const comparable = (p: string): string => (process.platform === 'win32' ? p.toLowerCase() : p);

/** True when `child` is `root` or below it; a sibling such as /data/images-old never matches /data/images. */
export function isWithin(root: string, child: string): boolean {
  const r = comparable(root);
  const c = comparable(child);
  if (c === r) return true;
  return c.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
}

export function addImageRoot(db: Db, root: string): string {
  const canonical = canonicalPath(root);
  stmt(db, 'INSERT INTO image_roots (path, added_at) VALUES (?, ?) ON CONFLICT (path) DO NOTHING').run(
    canonical,
    nowIso(),
  );
  return canonical;
}

export function imageRoots(db: Db): string[] {
  return pluckStmt(db, 'SELECT path FROM image_roots ORDER BY path').all() as string[];
}

/** The gate for every path a request names (server mode, media protocol). */
export function isInsideImageRoots(db: Db, candidate: string): boolean {
  const target = canonicalPath(candidate);
  // Roots are canonicalised again, like the target: a folder on the way may have become a link.
  return imageRoots(db).some((root) => isWithin(canonicalPath(root), target));
}
