import type { Point, Problem, Shape } from '../../contract';
import { rectangleToBox } from './coco-shapes';
import { checkShape, type ImageSize } from './shape-checks';
import type { ImportAnnotation } from './types';

export type YoloLabels = {
  annotations: ImportAnnotation[];
  /** Non-blank lines, good or bad: an image whose file has any is NG. */
  lines: number;
};

/** Normalised coordinates may overshoot 0..1 by rounding; more is a wrong file. */
const SLACK = 1e-6;

/**
 * One YOLO label file: `class cx cy w h` (detect) or `class x1 y1 x2 y2 …` (segment), all
 * coordinates fractions of the image size. A bad line is a problem naming the file, the line
 * and the field; the other lines are imported. A polygon that is an axis-aligned rectangle
 * comes back as the box it was exported from.
 */
export function parseYoloLabels(
  text: string,
  file: string,
  names: readonly string[] | null,
  size: ImageSize,
  problems: Problem[],
): YoloLabels {
  const annotations: ImportAnnotation[] = [];
  let lines = 0;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    lines++;
    const parsed = parseLine(line, names, size);
    if ('reason' in parsed) problems.push({ file, reason: `line ${index + 1}: ${parsed.reason}` });
    else annotations.push(parsed);
  }
  return { annotations, lines };
}

function parseLine(
  line: string,
  names: readonly string[] | null,
  size: ImageSize,
): ImportAnnotation | { reason: string } {
  const tokens = line.split(/\s+/);
  const values = tokens.map(Number);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return { reason: `${fieldName(bad, tokens.length)}: "${tokens[bad]}" is not a number` };
  const [cls, ...coords] = values as [number, ...number[]];
  if (!Number.isInteger(cls) || cls < 0) return { reason: `class: ${cls} is not a class index` };
  if (names && cls >= names.length)
    return { reason: `class: ${cls} is not one of the ${names.length} classes (0..${names.length - 1})` };
  const defectType = names ? (names[cls] as string) : String(cls);
  const isBox = coords.length === 4;
  if (!isBox && (coords.length < 6 || coords.length % 2 === 1)) {
    return {
      reason: `has ${values.length} numbers; a box needs 5 (class cx cy w h), a polygon an odd number ≥ 7 (class x1 y1 x2 y2 x3 y3 …)`,
    };
  }
  const outside = coords.findIndex((v) => v < -SLACK || v > 1 + SLACK);
  if (outside >= 0) {
    const field = fieldName(outside + 1, values.length);
    return {
      reason: `${field}: ${coords[outside]} is outside 0..1 (YOLO coordinates are fractions of the image size)`,
    };
  }
  const { width: W, height: H } = size;
  let shape: Shape;
  if (isBox) {
    const [cx, cy, w, h] = coords as [number, number, number, number];
    shape = { kind: 'box', x: (cx - w / 2) * W, y: (cy - h / 2) * H, w: w * W, h: h * H };
  } else {
    const points: Point[] = [];
    for (let i = 0; i < coords.length; i += 2) points.push([coords[i]! * W, coords[i + 1]! * H]);
    shape = rectangleToBox(points) ?? { kind: 'polygon', points };
  }
  const check = checkShape(shape, size);
  return check.ok ? { defectType, shape: check.shape } : { reason: `${shape.kind} ${check.reason}` };
}

/** The name of the n-th number on a line: class, cx cy w h for a box, x1 y1 … for a polygon. */
function fieldName(n: number, count: number): string {
  if (n === 0) return 'class';
  if (count === 5) return ['cx', 'cy', 'w', 'h'][n - 1] as string;
  return `${n % 2 === 1 ? 'x' : 'y'}${Math.ceil(n / 2)}`;
}
