import { readFile } from 'node:fs/promises';
import type { ManifestRow } from './manifest';
import type { ScanContext } from './types';

/**
 * The text of a manifest row's annotation file, or null with a problem naming the file when
 * it cannot be read. A defect row without an annotation is reported too: its regions are lost.
 */
export async function readRowAnnotation(context: ScanContext, row: ManifestRow): Promise<string | null> {
  if (!row.annotation || !row.annotationPath) {
    if (row.verdict === 'NG' && !row.annotation) {
      context.problems.push({
        file: row.image,
        reason: 'a defect without annotation file; imported without regions',
      });
    }
    return null;
  }
  try {
    return await readFile(row.annotationPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? `listed in manifest.csv (line ${row.line}) but missing`
        : `cannot read: ${(error as Error).message}`;
    context.problems.push({ file: row.annotation, reason });
    return null;
  }
}

/** Applies the scanner's manifest-only policy: nothing to scan without a manifest. */
export function requireManifest<T>(context: ScanContext, rows: T[] | null, dataset: string): T[] {
  if (rows === null)
    context.problems.push({ file: 'manifest.csv', reason: `not found; a ${dataset} folder needs it` });
  return rows ?? [];
}
