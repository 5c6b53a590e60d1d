import type { Problem } from '../../contract';
import { convertShape } from './labelme-shapes';
import { checkShape, type ImageSize } from './shape-checks';
import type { ImportAnnotation } from './types';

export type LabelMeFile = {
  /** `imagePath` as written (relative to the JSON file), or null. */
  imagePath: string | null;
  /** `imageWidth` × `imageHeight` when both are given and sane. */
  size: ImageSize | null;
  /** Number of entries in `shapes`, good or bad: zero means "looked, found nothing". */
  shapeCount: number;
  /** Distinct labels of all shapes, in order of appearance. */
  labels: string[];
  /** The shapes that are valid regions. */
  annotations: ImportAnnotation[];
};

export type LabelMeOptions = {
  /** The image size from elsewhere (a manifest) when the file itself does not say. */
  size?: ImageSize | null;
  label?: (raw: string) => string;
};

/**
 * Reads one LabelMe JSON. A broken file yields null; a bad shape is left out; both push a
 * problem naming `file` (e.g. `shape 3 has 2 points, a polygon needs ≥ 3`, shapes counted from 1).
 */
export async function parseLabelMe(
  text: string,
  file: string,
  problems: Problem[],
  options: LabelMeOptions = {},
): Promise<LabelMeFile | null> {
  const report = (reason: string) => problems.push({ file, reason });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    report(`not valid JSON (${(error as Error).message})`);
    return null;
  }
  if (!isRecord(json) || !Array.isArray(json.shapes)) {
    report('not a LabelMe file (no "shapes" list)');
    return null;
  }
  const size = sizeOf(json, report) ?? options.size ?? null;
  const label = options.label ?? ((raw: string) => raw);
  const labels = new Set<string>();
  const annotations: ImportAnnotation[] = [];
  for (const [index, raw] of json.shapes.entries()) {
    const name = `shape ${index + 1}`;
    if (!isRecord(raw)) {
      report(`${name} is not an object`);
      continue;
    }
    const defectType =
      typeof raw.label === 'string' && raw.label.trim() !== '' ? label(raw.label.trim()) : null;
    if (defectType === null) report(`${name} has no label; kept without a defect type`);
    else labels.add(defectType);
    const converted = await convertShape(raw);
    if ('reason' in converted) {
      report(`${name} ${converted.reason}`);
      continue;
    }
    const check = checkShape(converted.shape, size);
    if (check.ok) annotations.push({ defectType, shape: check.shape });
    else report(`${name} ${check.reason}`);
  }
  const imagePath = typeof json.imagePath === 'string' && json.imagePath !== '' ? json.imagePath : null;
  return { imagePath, size, shapeCount: json.shapes.length, labels: [...labels], annotations };
}

function sizeOf(json: Record<string, unknown>, report: (reason: string) => void): ImageSize | null {
  const { imageWidth: width, imageHeight: height } = json;
  if (width === undefined && height === undefined) return null;
  if (isPositiveInt(width) && isPositiveInt(height)) return { width, height };
  report(`imageWidth/imageHeight (${String(width)}x${String(height)}) are not a valid size; ignored`);
  return null;
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
