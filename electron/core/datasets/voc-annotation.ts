import type { Problem } from '../../contract';
import { checkShape, type ImageSize } from './shape-checks';
import type { ImportAnnotation } from './types';
import { parseXml, textAt, type XmlElement } from './xml';

export type VocFile = {
  /** `filename` as written (NEU-DET sometimes leaves out the extension). */
  filename: string | null;
  size: ImageSize | null;
  /** `source/database`, e.g. NEU-DET. */
  database: string | null;
  objectCount: number;
  /** Distinct class names of all objects, sorted. */
  labels: string[];
  annotations: ImportAnnotation[];
};

/**
 * One Pascal VOC file. Corners are 1-based and inclusive as in the VOC devkit (NEU-DET's run
 * from 1 to 200 on 200-pixel images), so xmin..xmax becomes x = xmin − 1, w = xmax − xmin + 1,
 * the conversion detectron2 uses. A broken file yields null; a bad object is left out; both
 * push a problem naming `file`.
 */
export function parseVoc(
  text: string,
  file: string,
  problems: Problem[],
  fallbackSize: ImageSize | null,
): VocFile | null {
  const report = (reason: string) => problems.push({ file, reason });
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    report(`not valid XML (${(error as Error).message})`);
    return null;
  }
  if (root.name !== 'annotation') {
    report(`not a Pascal VOC file (root element is <${root.name}>, not <annotation>)`);
    return null;
  }
  const size = sizeOf(root, report) ?? fallbackSize;
  const objects = root.children.filter((c) => c.name === 'object');
  const labels = new Set<string>();
  const annotations: ImportAnnotation[] = [];
  for (const [index, object] of objects.entries()) {
    const name = `object ${index + 1} (line ${object.line})`;
    const label = textAt(object, 'name');
    if (!label) {
      report(`${name} has no <name>`);
      continue;
    }
    labels.add(label);
    const corners = ['xmin', 'ymin', 'xmax', 'ymax'].map((k) => textAt(object, `bndbox/${k}`));
    const missing = ['xmin', 'ymin', 'xmax', 'ymax'].filter((_, i) => corners[i] === undefined);
    if (missing.length > 0) {
      report(`${name} has no bndbox/${missing.join(', ')}`);
      continue;
    }
    const [xmin, ymin, xmax, ymax] = corners.map(Number) as [number, number, number, number];
    if (![xmin, ymin, xmax, ymax].every(Number.isFinite)) {
      report(`${name} has a bndbox corner that is not a number (${corners.join(' ')})`);
      continue;
    }
    const box = { kind: 'box' as const, x: xmin - 1, y: ymin - 1, w: xmax - xmin + 1, h: ymax - ymin + 1 };
    const check = checkShape(box, size);
    if (check.ok) annotations.push({ defectType: label, shape: check.shape });
    else report(`${name} ${check.reason}`);
  }
  return {
    filename: textAt(root, 'filename') || null,
    size,
    database: textAt(root, 'source/database') || null,
    objectCount: objects.length,
    labels: [...labels].sort(),
    annotations,
  };
}

function sizeOf(root: XmlElement, report: (reason: string) => void): ImageSize | null {
  const width = textAt(root, 'size/width');
  const height = textAt(root, 'size/height');
  if (width === undefined && height === undefined) return null;
  const w = Number(width);
  const h = Number(height);
  if (Number.isInteger(w) && Number.isInteger(h) && w > 0 && h > 0) return { width: w, height: h };
  report(`size ${width ?? '?'}x${height ?? '?'} is not a valid image size; ignored`);
  return null;
}
