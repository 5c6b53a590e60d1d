import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Split } from '../../contract';
import type { DirIndex } from './dir-index';
import { resolveInside } from './paths';

/** JSON files where COCO keeps its annotations: the source folder itself and `annotations/`. */
export async function cocoCandidates(root: string): Promise<string[]> {
  const top = await list(root);
  const jsons = top.filter((e) => e.isFile() && isJson(e.name)).map((e) => join(root, e.name));
  for (const dir of top.filter((e) => e.isDirectory() && e.name.toLowerCase() === 'annotations')) {
    const inner = await list(join(root, dir.name));
    jsons.push(...inner.filter((e) => e.isFile() && isJson(e.name)).map((e) => join(root, dir.name, e.name)));
  }
  return jsons.sort();
}

/** `instances_val2017.json` → val: COCO names its files after the split. */
export function splitFromName(file: string): Split | null {
  const words = basename(file, extname(file))
    .toLowerCase()
    .split(/[^a-z]+/);
  if (words.includes('train')) return 'train';
  if (words.some((w) => w === 'val' || w === 'valid' || w === 'validation')) return 'val';
  if (words.includes('test')) return 'test';
  return null;
}

/**
 * Where an image named by `file_name` is: beside the JSON, in an `images/` folder beside it or
 * at the source root, or (COCO 2017) in a folder named after the JSON's split
 * (`annotations/instances_val2017.json` → `val2017/`). Never outside the source folder.
 */
export async function locateImage(
  root: string,
  json: string,
  fileName: string,
  index: DirIndex,
): Promise<{ path: string | null; tried: string[] }> {
  const here = dirname(json);
  const bases = [here, join(here, 'images'), root, join(root, 'images')];
  const set = /_([a-z]+\d*)$/i.exec(basename(json, extname(json)));
  if (set) bases.push(join(root, set[1] as string), join(root, 'images', set[1] as string));
  const tried: string[] = [];
  for (const base of [...new Set(bases)]) {
    const path = resolveInside(root, base, fileName);
    if (!path) continue;
    tried.push(path);
    if (await index.hasFile(path)) return { path, tried };
  }
  return { path: null, tried };
}

function isJson(name: string): boolean {
  return !name.startsWith('.') && extname(name).toLowerCase() === '.json';
}

async function list(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}
