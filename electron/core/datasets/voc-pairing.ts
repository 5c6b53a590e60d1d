import { basename, dirname, extname } from 'node:path';
import { isImagePath } from '../media/image-format';
import { relPath } from './paths';
import type { ScanContext } from './types';
import type { VocFile } from './voc-annotation';

/**
 * Every image of the folder with its VOC file (null: none). An XML finds its image by stem: the
 * one next to it first (flat layouts), else the only one anywhere (ANNOTATIONS/ + IMAGES/).
 */
export function pairByStem(
  context: ScanContext,
  files: string[],
  xmls: string[],
  parsed: Array<VocFile | null>,
): Map<string, VocFile | null> {
  const images = files.filter((f) => isImagePath(f));
  const byStem = new Map<string, string[]>();
  for (const image of images) {
    const stem = stemOf(image);
    byStem.set(stem, [...(byStem.get(stem) ?? []), image]);
  }
  const pairs = new Map<string, VocFile | null>(images.map((image) => [image, null]));
  for (const [i, voc] of parsed.entries()) {
    if (!voc) continue;
    const xml = xmls[i] as string;
    const report = (reason: string) => context.problems.push({ file: relPath(context.root, xml), reason });
    const candidates = byStem.get(stemOf(xml)) ?? [];
    const image =
      candidates.find((c) => dirname(c) === dirname(xml)) ?? (candidates.length === 1 ? candidates[0] : null);
    if (!image) {
      const names = candidates.map((c) => relPath(context.root, c)).join(', ');
      report(
        candidates.length > 1
          ? `several images have its name (${names}); skipped`
          : 'no image with the same name',
      );
    } else if (pairs.get(image))
      report(`${relPath(context.root, image)} already has an annotation file; skipped`);
    else pairs.set(image, voc);
  }
  return pairs;
}

function stemOf(path: string): string {
  return basename(path, extname(path));
}
