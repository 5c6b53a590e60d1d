import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
import type { Split } from '../../contract';
import { isImagePath } from '../media/image-format';
import { inspectImage } from '../media/inspect';
import { newItem, walkSource } from './item';
import { mapLimit } from './map-limit';
import { relPath } from './paths';
import type { ImportItem, ScanContext, Scanner } from './types';
import { LIST_FILES, readYoloClasses, type YoloClasses } from './yolo-classes';
import { parseYoloLabels } from './yolo-labels';

const SPLITS: Readonly<Record<string, Split>> = {
  train: 'train',
  val: 'val',
  valid: 'val',
  validation: 'val',
  test: 'test',
};

/**
 * YOLO (detect or segment): images with a `.txt` per image, either in a parallel `labels/`
 * tree (`images/train/a.jpg` ↔ `labels/train/a.txt`, as Ultralytics pairs them) or beside the
 * image; class names from data.yaml or classes.txt. An image with a label file is NG when the
 * file has lines and OK when it is empty; without one, nobody has said.
 */
export const scanYolo: Scanner = async (context) => {
  const classes = await readYoloClasses(context);
  if (!classes.names) {
    context.problems.push({
      file: classes.file ?? '.',
      reason: 'no usable class names (data.yaml names or classes.txt); classes are named by their numbers',
    });
  }
  const files = await walkSource(
    context,
    (name) => isImagePath(name) || extname(name).toLowerCase() === '.txt',
  );
  const images = files.filter((f) => isImagePath(f));
  const texts = new Set(files.filter((f) => !isImagePath(f)));
  const claimed = new Set<string>();
  const labelOf = (image: string) => {
    const label = labelFileFor(image, texts);
    if (label) claimed.add(label);
    return label;
  };
  const items = await mapLimit(
    images,
    16,
    (image) => toItem(context, image, labelOf(image), classes),
    context.signal,
  );
  for (const text of texts) {
    if (claimed.has(text) || !relPath(context.root, text).split('/').includes('labels')) continue;
    context.problems.push({
      file: relPath(context.root, text),
      reason: 'no image for this label file; not imported',
    });
  }
  return items;
};

/** `…/images/x/a.jpg` → `…/labels/x/a.txt` (the last `images` folder), else `a.txt` beside it. */
function labelFileFor(image: string, texts: Set<string>): string | null {
  const stem = basename(image, extname(image));
  const parts = dirname(image).split(sep);
  const at = parts.lastIndexOf('images');
  if (at >= 0) {
    const parallel = join([...parts.slice(0, at), 'labels', ...parts.slice(at + 1)].join(sep), `${stem}.txt`);
    if (texts.has(parallel)) return parallel;
  }
  const beside = join(dirname(image), `${stem}.txt`);
  return texts.has(beside) && !LIST_FILES.includes(basename(beside)) ? beside : null;
}

async function toItem(
  context: ScanContext,
  image: string,
  label: string | null,
  classes: YoloClasses,
): Promise<ImportItem> {
  const folders = relPath(context.root, image).toLowerCase().split('/').slice(0, -1);
  const split = folders.map((f) => SPLITS[f]).find((s) => s !== undefined) ?? null;
  if (!label) return newItem(context, image, { split });
  const file = relPath(context.root, label);
  const text = await readFile(label, 'utf8').catch((error: Error) => {
    context.problems.push({ file, reason: `cannot read: ${error.message}` });
    return null;
  });
  if (text === null) return newItem(context, image, { split });
  if (text.trim() === '') return newItem(context, image, { split, verdict: 'OK' });
  let size;
  try {
    size = await inspectImage(image);
  } catch (error) {
    const reason = `cannot place its boxes without the image size (${(error as Error).message}); not imported`;
    context.problems.push({ file, reason });
    return newItem(context, image, { split, verdict: 'NG' });
  }
  const parsed = parseYoloLabels(text, file, classes.names, size, context.problems);
  const defectTypes = [...new Set(parsed.annotations.map((a) => a.defectType as string))].sort();
  return newItem(context, image, { split, verdict: 'NG', defectTypes, annotations: parsed.annotations });
}
