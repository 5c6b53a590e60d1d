import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Problem, Shape } from '../../contract';
import { needsPreview } from '../../contract/media';
import { checkShape } from '../datasets/shape-checks';
import type { ImportAnnotation, ImportItem } from '../datasets/types';
import { reasonOf } from './errors';
import { formatFromExtension, FORMAT_NAMES } from './image-format';
import { decodeMaskFile } from './mask';
import { probeSource, type ImageProbe } from './probe';
import type { ImageSource } from './load';
import { makePreview, previewPathFor } from './preview';
import { makeThumbnail } from './thumbnail';
import { visualHashOfFile } from './visual-hash';

export type ResolvedAnnotation = { defectType: string | null; shape: Shape };

/** What a worker sends back for one item (the item itself stays on the calling side). */
export type ItemOutcome =
  | {
      ok: true;
      meta: ImageProbe;
      thumbPath: string;
      /** Null only when the thumbnail already existed and could not be read back. */
      visualHash: string | null;
      annotations: ResolvedAnnotation[];
      warnings: Problem[];
    }
  | { ok: false; error: string };

/** What the import worker receives for one item. */
export type ImportJob = { item: ImportItem; thumbDir: string };

export const THUMB_SIZE = 256;

export function thumbPathFor(thumbDir: string, contentHash: string): string {
  return join(thumbDir, contentHash.slice(0, 2), `${contentHash}.jpg`);
}

/**
 * Everything an import needs from the image file itself: probe and hash, a thumbnail (keyed by
 * content, so a moved or duplicated file reuses it), and masks decoded into shapes. A broken
 * image fails the item; a broken annotation only drops that annotation, with a warning.
 */
export async function processImportItem(item: ImportItem, thumbDir: string): Promise<ItemOutcome> {
  let meta: ImageProbe;
  let thumbPath: string;
  let visualHash: string | null;
  try {
    const probed = await probeSource(item.path);
    meta = probed.probe;
    thumbPath = thumbPathFor(thumbDir, meta.contentHash);
    visualHash = await makeRenditions(item.path, meta, thumbPath, dirname(thumbDir), probed.source);
  } catch (error) {
    return { ok: false, error: reasonOf(error) };
  }
  const warnings: Problem[] = [];
  const claimed = formatFromExtension(item.path);
  if (claimed && claimed !== meta.format) {
    warnings.push({
      file: item.relPath,
      reason: `the extension says ${FORMAT_NAMES[claimed]} but the file is a ${FORMAT_NAMES[meta.format]}; imported as ${FORMAT_NAMES[meta.format]}`,
    });
  }
  const annotations: ResolvedAnnotation[] = [];
  for (const [i, annotation] of item.annotations.entries()) {
    const resolved = await resolveAnnotation(item, annotation, meta, i + 1, warnings);
    if (resolved) annotations.push(resolved);
  }
  return { ok: true, meta, thumbPath, visualHash, annotations, warnings };
}

/**
 * The thumbnail, and for an image larger than a screen its preview too. The preview decodes the
 * whole image (the damage check) and the thumbnail is then made from it: a second full decode
 * of a 5 MP PNG would cost more than the preview itself. Returns the visual hash of the thumbnail.
 */
async function makeRenditions(
  path: string,
  meta: ImageProbe,
  thumbPath: string,
  cacheDir: string,
  source: ImageSource,
): Promise<string | null> {
  const hasThumb = existsSync(thumbPath);
  if (needsPreview(meta.width, meta.height, meta.bitDepth)) {
    const previewPath = previewPathFor(cacheDir, meta.contentHash);
    if (!existsSync(previewPath)) await makePreview(path, previewPath, source);
    if (!hasThumb) return (await makeThumbnail(previewPath, thumbPath, { size: THUMB_SIZE })).visualHash;
  } else if (!hasThumb) {
    return (await makeThumbnail(path, thumbPath, { size: THUMB_SIZE }, source)).visualHash;
  }
  // the same bytes were imported before (another copy of the file): its thumbnail is already there
  return visualHashOfFile(thumbPath).catch(() => null);
}

async function resolveAnnotation(
  item: ImportItem,
  annotation: ImportAnnotation,
  meta: ImageProbe,
  number: number,
  warnings: Problem[],
): Promise<ResolvedAnnotation | null> {
  const size = { width: meta.width, height: meta.height };
  if ('shape' in annotation) {
    // The scanner checked against the size the annotation file declares; this is the real one.
    const check = checkShape(annotation.shape, size);
    if (check.ok) return { defectType: annotation.defectType, shape: check.shape };
    warnings.push({ file: item.relPath, reason: `region ${number} ${check.reason}` });
    return null;
  }
  const maskName = sourceRelative(item, annotation.maskFile);
  try {
    const shape = await decodeMaskFile(annotation.maskFile, meta.width, meta.height);
    if (shape) return { defectType: annotation.defectType, shape };
    warnings.push({ file: maskName, reason: 'the mask is empty (no defect pixels); no region imported' });
  } catch (error) {
    warnings.push({ file: maskName, reason: reasonOf(error) });
  }
  return null;
}

/** A file's path relative to the item's source folder, as the scan's problems name files. */
function sourceRelative(item: ImportItem, file: string): string {
  const root = item.path.slice(0, item.path.length - item.relPath.length);
  return relative(root, file).split(sep).join('/');
}
