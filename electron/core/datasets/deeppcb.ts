import { basename, extname } from 'node:path';
import { parseDeepPcbBoxes } from './deeppcb-boxes';
import { newItem } from './item';
import { readManifest, type ManifestRow } from './manifest';
import { readRowAnnotation, requireManifest } from './manifest-annotations';
import { mapLimit } from './map-limit';
import type { ImportItem, ScanContext, Scanner } from './types';

/**
 * DeepPCB: each tested board crop (`*_test.jpg`, NG, with a box file) and its defect-free
 * template (`*_temp.jpg`, OK) share a part id, so they stay together in review and splits.
 */
export const scanDeepPcb: Scanner = async (context) => {
  const rows = requireManifest(context, await readManifest(context), 'DeepPCB');
  return mapLimit(rows, 16, (row) => toItem(context, row), context.signal);
};

async function toItem(context: ScanContext, row: ManifestRow): Promise<ImportItem> {
  const item = newItem(context, row.imagePath, {
    domain: 'electronics',
    category: 'pcb',
    split: row.split,
    partId: partIdOf(row.image),
    verdict: row.verdict,
    defectTypes: row.defectTypes,
  });
  const text = await readRowAnnotation(context, row);
  if (text === null || !row.annotation) return item;
  const size = row.width && row.height ? { width: row.width, height: row.height } : null;
  const annotations = parseDeepPcbBoxes(text, row.annotation, context.problems, size);
  const found = [...new Set(annotations.map((a) => a.defectType as string))].sort();
  return { ...item, annotations, defectTypes: found.length > 0 ? found : item.defectTypes };
}

/** `PCBData/group00041/00041/00041046_test.jpg` → `group00041/00041046` (the template's too). */
export function partIdOf(image: string): string {
  const id = basename(image, extname(image)).replace(/_(test|temp)$/, '');
  const group = image.split('/').find((segment) => /^group\d+$/.test(segment));
  return group ? `${group}/${id}` : id;
}
