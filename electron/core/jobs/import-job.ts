import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFormat, ImportReport, Split } from '../../contract';
import { scanSource } from '../datasets/scan';
import type { ImportItem } from '../datasets/types';
import { processImportItems, type ProcessedItem } from '../media/process-items';
import type { ProjectStore } from '../store';
import type { JobContext } from './job-manager';
import { ImportWriter } from './import-writer';

export type ImportParams = {
  source: string;
  format: ImportFormat;
  sourceName?: string;
  fixtureOnly?: boolean;
  split?: Split;
};

/**
 * Scan → skip what is already stored unchanged → hash, probe and thumbnail the rest in worker
 * threads → write in batched transactions. Every bad file becomes a problem naming the file;
 * the rest of the import goes on, and nothing already stored is lost.
 */
export async function runImport(
  store: ProjectStore,
  params: ImportParams,
  context: JobContext,
  onSamplesChanged: () => void,
): Promise<ImportReport> {
  context.message('scanning…');
  const scan = await scanSource(params.source, {
    format: params.format,
    sourceName: params.sourceName,
    fixtureOnly: params.fixtureOnly,
    split: params.split,
    signal: context.signal,
  });
  for (const problem of scan.problems) context.problem(problem.file, problem.reason);
  context.setTotal(scan.items.length);
  context.message(`importing ${scan.items.length} images (${scan.format})`);

  const writer = new ImportWriter(store, context, onSamplesChanged);
  const toProcess: ImportItem[] = [];
  for (const item of scan.items) {
    if (isUnchangedOnDisk(store, item)) writer.countUnchanged();
    else toProcess.push(item);
  }

  await processImportItems(toProcess, {
    thumbDir: join(store.dir, 'cache', 'thumbs'),
    signal: context.signal,
    onResult: (result: ProcessedItem) => writer.add(result),
  });
  writer.flush();
  return writer.report(scan.problems);
}

/** Size and modification time match the stored file: skip it without hashing or decoding. */
function isUnchangedOnDisk(store: ProjectStore, item: ImportItem): boolean {
  const stored = store.findSampleByPath(item.path);
  if (!stored || stored.error) return false;
  try {
    const stat = statSync(item.path);
    return stat.size === stored.fileSize && Math.round(stat.mtimeMs) === Math.round(stored.mtimeMs);
  } catch {
    return false;
  }
}
