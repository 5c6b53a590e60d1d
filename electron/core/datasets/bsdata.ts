import { basename, dirname, extname, resolve } from 'node:path';
import { newItem } from './item';
import { parseLabelMe } from './labelme';
import { readManifest, type ManifestRow } from './manifest';
import { readRowAnnotation, requireManifest } from './manifest-annotations';
import { mapLimit } from './map-limit';
import type { ImportItem, ScanContext, Scanner } from './types';

/**
 * BSData (ball screw drive pitting): manifest.csv for label, split and fixture; the LabelMe
 * polygons are the ground truth (the PNG masks are derived from them and not read).
 */
export const scanBsData: Scanner = async (context) => {
  const rows = requireManifest(context, await readManifest(context), 'BSData');
  return mapLimit(rows, 16, (row) => toItem(context, row), context.signal);
};

async function toItem(context: ScanContext, row: ManifestRow): Promise<ImportItem> {
  const item = newItem(context, row.imagePath, {
    domain: 'metal',
    category: 'ball_screw',
    split: row.split,
    partId: partIdOf(row.imagePath),
    verdict: row.verdict,
    defectTypes: row.defectTypes.map(normaliseLabel),
  });
  const text = await readRowAnnotation(context, row);
  if (text === null || !row.annotation || !row.annotationPath) return item;
  const size = row.width && row.height ? { width: row.width, height: row.height } : null;
  const file = await parseLabelMe(text, row.annotation, context.problems, { size, label: normaliseLabel });
  if (!file) return item;
  const report = (reason: string) => context.problems.push({ file: row.annotation as string, reason });
  if (size && file.size && (file.size.width !== size.width || file.size.height !== size.height)) {
    report(
      `says the image is ${file.size.width}x${file.size.height}, manifest.csv says ${size.width}x${size.height}`,
    );
  }
  if (
    file.imagePath &&
    resolve(dirname(row.annotationPath), file.imagePath.replace(/\\/g, '/')) !== row.imagePath
  ) {
    report(`imagePath ${file.imagePath} is not ${row.image}, the image manifest.csv pairs it with`);
  }
  return {
    ...item,
    defectTypes: file.labels.length > 0 ? file.labels : item.defectTypes,
    annotations: file.annotations,
  };
}

/** "Pitting" → "pitting": defect type names are lower case across datasets. */
function normaliseLabel(label: string): string {
  return label.trim().toLowerCase();
}

/**
 * Views of one place on a spindle: the axial position and angle of the wear-sequence frames
 * (`01_<time>_<axial>_<angle>_crop_<n>`), or the spindle for `KGTn-…` photos, whose names do not
 * say which spot they show.
 */
export function partIdOf(path: string): string | null {
  const stem = basename(path, extname(path));
  const frame = /^\d+_\d{12}_(\d+_\d+)_crop_\d+$/.exec(stem);
  if (frame) return frame[1] as string;
  const photo = /^(KGT\d+)-/.exec(stem);
  return photo ? (photo[1] as string) : null;
}
