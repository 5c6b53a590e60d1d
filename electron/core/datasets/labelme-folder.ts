import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { isImagePath } from '../media/image-format';
import { newItem, walkSource } from './item';
import { parseLabelMe, type LabelMeFile } from './labelme';
import { mapLimit } from './map-limit';
import { relPath, resolveInside } from './paths';
import type { ImportItem, ScanContext, Scanner } from './types';

type Described = { json: string; file: LabelMeFile };

/**
 * A folder of LabelMe JSON files and their images. An image with a file is NG when the file has
 * shapes and OK when it has none (annotated, nothing found); an image without one is unknown.
 */
export const scanLabelMeFolder: Scanner = async (context) => {
  const files = await walkSource(
    context,
    // an export's own report sits beside the LabelMe files it describes; it is not one of them
    (name) => isImagePath(name) || (extname(name).toLowerCase() === '.json' && name !== 'export-report.json'),
  );
  const images = files.filter((f) => isImagePath(f));
  const jsons = files.filter((f) => !isImagePath(f));
  const parsed = await mapLimit(jsons, 16, (json) => readOne(context, json), context.signal);
  const described = new Map<string, Described>();
  for (const [i, file] of parsed.entries()) {
    if (!file) continue;
    const json = jsons[i] as string;
    const image = imageOf(context, json, file, images);
    if (!image) continue;
    const earlier = described.get(image);
    if (earlier) {
      const reason = `describes ${relPath(context.root, image)}, already described by ${relPath(context.root, earlier.json)}; ignored`;
      context.problems.push({ file: relPath(context.root, json), reason });
    } else described.set(image, { json, file });
  }
  const all = [...new Set([...images, ...described.keys()])].sort();
  return all.map((path) => toItem(context, path, described.get(path)));
};

async function readOne(context: ScanContext, json: string): Promise<LabelMeFile | null> {
  const file = relPath(context.root, json);
  try {
    return await parseLabelMe(await readFile(json, 'utf8'), file, context.problems);
  } catch (error) {
    context.problems.push({ file, reason: `cannot read: ${(error as Error).message}` });
    return null;
  }
}

/** `imagePath` relative to the JSON, else an image with the JSON's stem next to it. */
function imageOf(context: ScanContext, json: string, file: LabelMeFile, images: string[]): string | null {
  const report = (reason: string) => context.problems.push({ file: relPath(context.root, json), reason });
  if (file.imagePath) {
    const target = resolveInside(context.root, dirname(json), file.imagePath);
    if (target && existsSync(target)) return target;
    if (!target) report(`imagePath ${file.imagePath} points outside the source folder`);
  }
  const stem = basename(json, extname(json));
  const sibling = images.find(
    (img) => dirname(img) === dirname(json) && basename(img, extname(img)) === stem,
  );
  if (sibling) return sibling;
  report(`image ${file.imagePath ?? `${stem}.*`} not found; its annotations are not imported`);
  return null;
}

function toItem(context: ScanContext, path: string, described: Described | undefined): ImportItem {
  if (!described) return newItem(context, path);
  const { file } = described;
  return newItem(context, path, {
    verdict: file.shapeCount > 0 ? 'NG' : 'OK',
    defectTypes: file.labels,
    annotations: file.annotations,
  });
}
