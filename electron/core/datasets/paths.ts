import { isAbsolute, relative, resolve, sep } from 'node:path';

/** `/`-separated path of `file` relative to `root`, as items and problems name files. */
export function relPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/**
 * Resolves a path an untrusted file names (a manifest row, a LabelMe imagePath) and refuses
 * one that leaves the dataset folder, so a crafted file cannot make us read elsewhere.
 */
export function resolveInside(root: string, base: string, reference: string): string | null {
  const normalised = reference.replace(/\\/g, '/');
  const target = resolve(base, normalised);
  const back = relative(root, target);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) return null;
  return target;
}
