import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { newItem, walkSource } from './item';
import { readManifest, type ManifestRow } from './manifest';
import { readRowAnnotation } from './manifest-annotations';
import { mapLimit } from './map-limit';
import { relPath } from './paths';
import type { ImportItem, ScanContext, Scanner } from './types';
import { parseVoc, type VocFile } from './voc-annotation';
import { pairByStem } from './voc-pairing';

const NEU_CLASSES = new Set([
  'crazing',
  'inclusion',
  'patches',
  'pitted_surface',
  'rolled-in_scale',
  'scratches',
]);

/**
 * Pascal VOC boxes. With a manifest.csv (the NEU-DET folder) its rows decide images, labels and
 * splits; without one, every `*.xml` is paired with the image of the same stem.
 */
export const scanVoc: Scanner = async (context) => {
  const rows = await readManifest(context);
  if (rows) return mapLimit(rows, 16, (row) => fromRow(context, row), context.signal);
  const files = await walkSource(context, () => true);
  const xmls = files.filter((f) => extname(f).toLowerCase() === '.xml');
  const parsed = await mapLimit(xmls, 16, (xml) => readVocFile(context, xml), context.signal);
  const pairs = pairByStem(context, files, xmls, parsed);
  return [...pairs.entries()].map(([image, voc]) => toItem(newItem(context, image), voc));
};

async function fromRow(context: ScanContext, row: ManifestRow): Promise<ImportItem> {
  const item = newItem(context, row.imagePath, {
    split: row.split,
    verdict: row.verdict,
    defectTypes: row.defectTypes,
  });
  const text = await readRowAnnotation(context, row);
  const size = row.width && row.height ? { width: row.width, height: row.height } : null;
  const voc = text !== null && row.annotation ? parseVoc(text, row.annotation, context.problems, size) : null;
  if (voc && size && voc.size && (voc.size.width !== size.width || voc.size.height !== size.height)) {
    const reason = `says the image is ${voc.size.width}x${voc.size.height}, manifest.csv says ${size.width}x${size.height}`;
    context.problems.push({ file: row.annotation as string, reason });
  }
  return toItem(item, voc, true);
}

async function readVocFile(context: ScanContext, xml: string): Promise<VocFile | null> {
  const file = relPath(context.root, xml);
  try {
    return parseVoc(await readFile(xml, 'utf8'), file, context.problems, null);
  } catch (error) {
    context.problems.push({ file, reason: `cannot read: ${(error as Error).message}` });
    return null;
  }
}

/**
 * An annotated image: NG with objects, OK with none; its manifest verdict wins when there is
 * one. NEU-DET files (by their database tag or class names) get the steel-surface taxonomy.
 */
function toItem(item: ImportItem, voc: VocFile | null, fromManifest = false): ImportItem {
  const labels = voc && voc.labels.length > 0 ? voc.labels : item.defectTypes;
  const neu = voc?.database === 'NEU-DET' || (labels.length > 0 && labels.every((l) => NEU_CLASSES.has(l)));
  const taxonomy = neu ? { domain: 'metal', category: 'steel_surface' } : {};
  if (!voc) return { ...item, ...taxonomy };
  return {
    ...item,
    ...taxonomy,
    verdict: fromManifest ? item.verdict : voc.objectCount > 0 ? 'NG' : 'OK',
    defectTypes: labels,
    annotations: voc.annotations,
  };
}
