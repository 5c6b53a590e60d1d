import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Split } from '../../contract';
import { isImagePath } from '../media/image-format';
import { newItem } from './item';
import { relPath } from './paths';
import type { ImportItem, ScanContext, Scanner } from './types';

const SPLITS: Readonly<Record<string, Split>> = { train: 'train', test: 'test', validation: 'val' };
const GOOD = 'good';

/**
 * MVTec AD: `<category>/{train,test}/<good|defect type>/*.png` with ground truth in
 * `<category>/ground_truth/<defect type>/<stem>_mask.png`. The root may be the dataset (many
 * categories) or one category. Masks are decoded later, in the import workers.
 */
export const scanMvtec: Scanner = async (context) => {
  const categories = (await isCategory(context.root)) ? [context.root] : await categoryDirs(context.root);
  if (categories.length === 0) {
    context.problems.push({
      file: '.',
      reason: 'no MVTec category found (a folder with train/ or test/ inside)',
    });
  }
  const items: ImportItem[] = [];
  for (const dir of categories) items.push(...(await scanCategory(context, dir)));
  return items;
};

async function scanCategory(context: ScanContext, dir: string): Promise<ImportItem[]> {
  const category = basename(dir);
  const items: ImportItem[] = [];
  for (const [folder, split] of Object.entries(SPLITS)) {
    for (const type of await subdirs(join(dir, folder))) {
      context.signal?.throwIfAborted();
      const names = await readdir(join(dir, folder, type));
      const images = names.filter((n) => !n.startsWith('.') && isImagePath(n)).sort();
      for (const name of images) {
        const path = join(dir, folder, type, name);
        const known = { category, split, verdict: type === GOOD ? ('OK' as const) : ('NG' as const) };
        if (type === GOOD) {
          items.push(newItem(context, path, known));
          continue;
        }
        const mask = join(dir, 'ground_truth', type, `${basename(name, extname(name))}_mask.png`);
        const found = existsSync(mask);
        if (!found) {
          const reason = `no ground-truth mask (expected ${relPath(context.root, mask)}); imported without regions`;
          context.problems.push({ file: relPath(context.root, path), reason });
        }
        const annotations = found ? [{ defectType: type, maskFile: mask }] : [];
        items.push(newItem(context, path, { ...known, defectTypes: [type], annotations }));
      }
    }
  }
  return items;
}

async function isCategory(dir: string): Promise<boolean> {
  const names = await subdirs(dir);
  return names.includes('train') || names.includes('test');
}

async function categoryDirs(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of await subdirs(root))
    if (await isCategory(join(root, name))) found.push(join(root, name));
  return found;
}

/** Visible sub-folder names, sorted; none when the folder does not exist. */
export async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}
