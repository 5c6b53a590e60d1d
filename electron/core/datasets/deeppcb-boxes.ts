import type { Problem } from '../../contract';
import { checkShape, type ImageSize } from './shape-checks';
import type { ImportAnnotation } from './types';

/** DeepPCB's type numbers, as its README names them (0, background, is never used). */
export const DEEPPCB_TYPES: Readonly<Record<number, string>> = {
  1: 'open',
  2: 'short',
  3: 'mousebite',
  4: 'spur',
  5: 'copper',
  6: 'pin-hole',
};

/**
 * A DeepPCB box file: one `x1 y1 x2 y2 type` per line, corners in pixels of the tested image.
 * The files use spaces although the source README says commas; both are accepted.
 */
export function parseDeepPcbBoxes(
  text: string,
  file: string,
  problems: Problem[],
  size: ImageSize | null,
): ImportAnnotation[] {
  const boxes: ImportAnnotation[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const report = (reason: string) => problems.push({ file, reason: `line ${index + 1}: ${reason}` });
    const values = line.split(/[\s,]+/).map(Number);
    if (values.length !== 5 || !values.every(Number.isInteger)) {
      report(`"${line}" is not five whole numbers x1 y1 x2 y2 type`);
      continue;
    }
    const [x1, y1, x2, y2, type] = values as [number, number, number, number, number];
    const defectType = DEEPPCB_TYPES[type];
    if (!defectType) {
      report(`type ${type} is not one of 1-6 (open, short, mousebite, spur, copper, pin-hole)`);
      continue;
    }
    const check = checkShape({ kind: 'box', x: x1, y: y1, w: x2 - x1, h: y2 - y1 }, size);
    if (check.ok) boxes.push({ defectType, shape: check.shape });
    else report(`box ${check.reason}`);
  }
  return boxes;
}
