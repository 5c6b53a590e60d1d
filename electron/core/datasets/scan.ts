import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError, type ImportFormat, type Problem } from '../../contract';
import { scanBsData } from './bsdata';
import { scanCoco } from './coco';
import { scanDeepPcb } from './deeppcb';
import { detectFormat } from './detect';
import { scanFolder } from './folder';
import { scanLabelMeFolder } from './labelme-folder';
import { scanMvtec } from './mvtec';
import type { ImportItem, ScanContext, Scanner, ScanOptions, ScanResult } from './types';
import { scanVoc } from './voc';
import { scanYolo } from './yolo';

const SCANNERS: Readonly<Record<Exclude<ImportFormat, 'auto'>, Scanner>> = {
  folder: scanFolder,
  mvtec: scanMvtec,
  labelme: scanLabelMeFolder,
  bsdata: scanBsData,
  deeppcb: scanDeepPcb,
  voc: scanVoc,
  coco: scanCoco,
  yolo: scanYolo,
};

/**
 * Turns a source folder into import items: what each image is, where it belongs and what its
 * annotation files say. Reads annotation files but no pixels (the import workers do that). Bad
 * input becomes problems naming the file; only an unusable source folder throws.
 */
export async function scanSource(source: string, options: ScanOptions): Promise<ScanResult> {
  const root = resolve(source);
  const info = await stat(root).catch(() => null);
  if (!info) throw new AppError('NOT_FOUND', `${source}: folder not found`);
  if (!info.isDirectory()) throw new AppError('INVALID_INPUT', `${source}: not a folder`);
  options.signal?.throwIfAborted();
  const format = options.format === 'auto' ? (await detectFormat(root)).format : options.format;
  const scanner = SCANNERS[format] as Scanner | undefined;
  if (!scanner) throw new AppError('INVALID_INPUT', `unknown import format "${String(format)}"`);
  const context: ScanContext = {
    root,
    sourceName: options.sourceName ?? basename(root),
    fixtureOnly: options.fixtureOnly ?? false,
    signal: options.signal,
    problems: [],
  };
  const scanned = await scanner(context);
  const items = withoutDuplicates(scanned, context);
  if (options.split) for (const item of items) item.split = options.split;
  return { format, sourceName: context.sourceName, items, problems: sortProblems(context.problems) };
}

const collator = new Intl.Collator('en', { numeric: true });

/** Files are read in parallel, so sort: by file, then "line 4" before "line 10". */
function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => collator.compare(a.file, b.file) || collator.compare(a.reason, b.reason));
}

function withoutDuplicates(items: ImportItem[], context: ScanContext): ImportItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.path)) {
      seen.add(item.path);
      return true;
    }
    context.problems.push({ file: item.relPath, reason: 'listed more than once; the first entry is used' });
    return false;
  });
}
