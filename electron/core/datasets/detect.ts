import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ImportFormat } from '../../contract';
import { findCocoFile } from './coco-detect';
import { looksLikeYolo } from './yolo-detect';

export type Detected = { format: Exclude<ImportFormat, 'auto'>; reason: string };

const JSON_SAMPLES = 5;

/**
 * Guesses the format from the folder's top two levels, most specific first: the three curated
 * datasets by their landmarks, then COCO, YOLO, MVTec, VOC and LabelMe by their files; a plain
 * folder last.
 */
export async function detectFormat(root: string): Promise<Detected> {
  const top = await list(root);
  const dirs = new Set(top.filter((e) => e.isDirectory()).map((e) => e.name));
  const files = top.filter((e) => e.isFile()).map((e) => e.name);
  const lowerDirs = new Set([...dirs].map((d) => d.toLowerCase()));
  if (files.includes('manifest.csv') && dirs.has('label')) return found('bsdata', 'manifest.csv and label/');
  if (dirs.has('PCBData')) return found('deeppcb', 'PCBData/');
  const coco = await findCocoFile(root);
  if (coco) return found('coco', `${basename(coco)} lists "images"`);
  const yolo = looksLikeYolo(dirs, files);
  if (yolo) return found('yolo', yolo);
  if (lowerDirs.has('annotations')) return found('voc', 'an ANNOTATIONS/ folder');
  if (await isMvtecCategory(root, dirs)) return found('mvtec', 'ground_truth/ or train/good/');
  for (const dir of dirs) {
    if (await isMvtecCategory(join(root, dir), null))
      return found('mvtec', `${dir}/ground_truth/ or ${dir}/train/good/`);
  }
  const second = await Promise.all(
    [...dirs].map(async (d) => (await list(join(root, d))).map((e) => join(d, e.name))),
  );
  const nearby = [...files, ...second.flat()];
  if (nearby.some((f) => extname(f).toLowerCase() === '.xml')) return found('voc', '*.xml files');
  const jsons = nearby.filter((f) => extname(f).toLowerCase() === '.json').slice(0, JSON_SAMPLES);
  for (const json of jsons)
    if (await hasShapes(join(root, json))) return found('labelme', `${json} has "shapes"`);
  return found('folder', 'no annotation layout recognised');
}

async function isMvtecCategory(dir: string, known: Set<string> | null): Promise<boolean> {
  const dirs = known ?? new Set((await list(dir)).filter((e) => e.isDirectory()).map((e) => e.name));
  if (dirs.has('ground_truth')) return true;
  if (!dirs.has('train')) return false;
  return (await list(join(dir, 'train'))).some((e) => e.isDirectory() && e.name === 'good');
}

async function hasShapes(path: string): Promise<boolean> {
  try {
    const json: unknown = JSON.parse(await readFile(path, 'utf8'));
    return typeof json === 'object' && json !== null && Array.isArray((json as { shapes?: unknown }).shapes);
  } catch {
    return false;
  }
}

async function list(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.name.startsWith('.'));
}

function found(format: Detected['format'], reason: string): Detected {
  return { format, reason };
}
