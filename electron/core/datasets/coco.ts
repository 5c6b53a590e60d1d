import { readCocoFile } from './coco-read';
import { cocoCandidates } from './coco-files';
import { DirIndex } from './dir-index';
import type { ImportItem, Scanner } from './types';

/**
 * COCO: `annotations.json` (or `annotations/instances_*.json`, one per split) beside the image
 * folder. Polygons, RLE masks (list or compressed counts) and bbox-only annotations become
 * regions; an image listed without annotations was looked at and found OK.
 */
export const scanCoco: Scanner = async (context) => {
  const index = new DirIndex();
  const items: ImportItem[] = [];
  let files = 0;
  for (const json of await cocoCandidates(context.root)) {
    context.signal?.throwIfAborted();
    const read = await readCocoFile(context, json, index);
    if (!read) continue;
    files++;
    items.push(...read);
  }
  if (files === 0) {
    context.problems.push({
      file: '.',
      reason: 'no COCO file found (a JSON file with an "images" list, here or in annotations/)',
    });
  }
  return items;
};
