import { isImagePath } from '../media/image-format';
import { relPath } from './paths';
import type { ImportItem, ScanContext } from './types';
import { walkFiles } from './walk';

/** An item with nothing known yet but where it is; scanners fill in what their format says. */
export function newItem(context: ScanContext, path: string, known: Partial<ImportItem> = {}): ImportItem {
  return {
    path,
    relPath: relPath(context.root, path),
    source: context.sourceName,
    domain: null,
    category: null,
    split: null,
    partId: null,
    verdict: null,
    defectTypes: [],
    annotations: [],
    ...known,
  };
}

/** Every PNG, JPEG, BMP and TIFF under the source (by extension, any case). */
export function walkImages(context: ScanContext): Promise<string[]> {
  return walkSource(context, (name) => isImagePath(name));
}

/** Files under the source that `accept` keeps; an unreadable sub-folder is a problem, not a failure. */
export function walkSource(context: ScanContext, accept: (name: string) => boolean): Promise<string[]> {
  return walkFiles(context.root, {
    accept,
    signal: context.signal,
    onError: (folder, error) =>
      context.problems.push({
        file: relPath(context.root, folder),
        reason: `cannot read folder: ${error.message}`,
      }),
  });
}
