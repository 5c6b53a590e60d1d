import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { annotationShapes } from './coco-shapes';
import { locateImage, splitFromName } from './coco-files';
import { CocoAnnotation, CocoCategory, CocoFile, CocoImage, describeIssue } from './coco-schema';
import type { DirIndex } from './dir-index';
import { newItem } from './item';
import { relPath } from './paths';
import type { ImportAnnotation, ImportItem, ScanContext } from './types';

type Id = string | number;
type Located = { image: CocoImage; path: string; annotations: ImportAnnotation[]; listed: number };

/**
 * One COCO file as import items, or null when the JSON is not a COCO file at all. Each bad
 * record is a problem naming the file, the record and the field; the rest is imported.
 */
export async function readCocoFile(
  context: ScanContext,
  json: string,
  index: DirIndex,
): Promise<ImportItem[] | null> {
  const file = relPath(context.root, json);
  const report = (reason: string) => context.problems.push({ file, reason });
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(json, 'utf8'));
  } catch (error) {
    report(`not valid JSON (${(error as Error).message})`);
    return null;
  }
  if (typeof raw !== 'object' || raw === null || !('images' in raw)) return null;
  const parsed = CocoFile.safeParse(raw);
  if (!parsed.success) {
    report(describeIssue('', parsed.error));
    return [];
  }
  const records = <T>(list: unknown[], name: string, schema: z.ZodType<T>, consequence = '') =>
    list.flatMap((value, i) => {
      const result = schema.safeParse(value);
      if (result.success) return [{ i, value: result.data }];
      report(describeIssue(`${name}[${i}]`, result.error) + consequence);
      return [];
    });

  const categories = new Map<Id, string>();
  for (const { i, value } of records(parsed.data.categories, 'categories', CocoCategory)) {
    if (categories.has(value.id)) report(`categories[${i}].id: ${value.id} is used twice; the first is kept`);
    else categories.set(value.id, value.name);
  }

  const images = new Map<Id, Located>();
  for (const { i, value } of records(
    parsed.data.images,
    'images',
    CocoImage,
    '; the image and its annotations are not imported',
  )) {
    if (images.has(value.id)) {
      report(`images[${i}].id: ${value.id} is used twice; the first is kept`);
      continue;
    }
    const found = await locateImage(context.root, json, value.file_name, index);
    if (Object.keys(value.mau?.texts ?? {}).length > 0)
      report(`images[${i}].mau.texts: an import has no place for image texts; not imported`);
    if (found.path) images.set(value.id, { image: value, path: found.path, annotations: [], listed: 0 });
    else {
      const where =
        found.tried.map((p) => relPath(context.root, p)).join(', ') || 'nowhere inside the source';
      report(
        `images[${i}].file_name: ${value.file_name} not found (looked for ${where}); its annotations are not imported`,
      );
    }
  }

  // Annotations of an image that was reported missing are not reported again, one by one.
  const listedIds = new Set(parsed.data.images.map((img) => (img as { id?: Id } | null)?.id));
  for (const { i, value } of records(parsed.data.annotations, 'annotations', CocoAnnotation)) {
    const at = `annotations[${i}]`;
    const target = images.get(value.image_id);
    if (!target) {
      if (!listedIds.has(value.image_id)) report(`${at}.image_id: no image has id ${value.image_id}`);
      continue;
    }
    target.listed++;
    const name = categories.get(value.category_id);
    if (name === undefined) {
      report(`${at}.category_id: no category has id ${value.category_id}`);
      continue;
    }
    const shapes = annotationShapes(value, target.image);
    if ('reason' in shapes) {
      report(`${at}.${shapes.reason}`);
      continue;
    }
    for (const note of shapes.notes) report(`${at}.${note}`);
    for (const shape of shapes.shapes) target.annotations.push({ defectType: name, shape });
  }

  const split = splitFromName(json);
  return [...images.values()].map(({ image, path, annotations, listed }) => {
    const mau = image.mau ?? {};
    const types = new Set([...(mau.defectTypes ?? []), ...annotations.map((a) => a.defectType as string)]);
    return newItem(context, path, {
      split: mau.split !== undefined ? mau.split : split,
      verdict: mau.verdict !== undefined ? mau.verdict : listed > 0 ? 'NG' : 'OK',
      domain: mau.domain ?? null,
      category: mau.category ?? null,
      partId: mau.partId ?? null,
      defectTypes: [...types].sort(),
      annotations,
    });
  });
}
