import type { MaskShape, Region, SampleDetail, Shape } from '../../../electron/contract';
import { maskPixels, maskShapeFromBitmap } from '../../../electron/core/geometry/rle';
import { paintShape } from '../../../electron/core/exchange/rasterise';

/** How a round trip may change a region: not at all, or only by float rounding of `tolerance` px. */
export type Tolerance = { px: number };

/** The pixels of shapes (their union) as one canonical string: tight crop and RLE. */
export function pixelKey(shapes: readonly Shape[], width: number, height: number): string {
  const bitmap = new Uint8Array(width * height);
  for (const shape of shapes) paintShape(bitmap, width, height, shape);
  const mask = maskShapeFromBitmap(bitmap, width, height);
  return mask ? `${mask.x},${mask.y},${mask.w}x${mask.h}:${mask.rle.join(' ')}` : 'empty';
}

/** A mask as the same canonical string (tight, so an untightened crop compares equal). */
function maskKey(shape: Shape, width: number, height: number): string {
  return pixelKey([shape], width, height);
}

function sortKey(region: Region): string {
  const { shape } = region;
  const [x, y] =
    shape.kind === 'polygon'
      ? [Math.min(...shape.points.map((p) => p[0])), Math.min(...shape.points.map((p) => p[1]))]
      : [shape.x, shape.y];
  return `${region.defectType ?? ''}|${shape.kind}|${Math.round(x).toString().padStart(6, '0')}|${Math.round(y).toString().padStart(6, '0')}`;
}

/** Why two region lists differ, or null when they are the same within the tolerance. */
export function regionDifference(
  expected: readonly Region[],
  actual: readonly Region[],
  size: { width: number; height: number },
  tolerance: Tolerance,
): string | null {
  if (expected.length !== actual.length) return `${expected.length} regions expected, ${actual.length} found`;
  const a = [...expected].sort((p, q) => sortKey(p).localeCompare(sortKey(q)));
  const b = [...actual].sort((p, q) => sortKey(p).localeCompare(sortKey(q)));
  for (let i = 0; i < a.length; i++) {
    const [r, s] = [a[i]!, b[i]!];
    if (r.defectType !== s.defectType) return `region ${i + 1}: type ${r.defectType} became ${s.defectType}`;
    if (r.shape.kind !== s.shape.kind) return `region ${i + 1}: ${r.shape.kind} became ${s.shape.kind}`;
    const why = shapeDifference(r.shape, s.shape, size, tolerance);
    if (why) return `region ${i + 1} (${r.shape.kind}): ${why}`;
  }
  return null;
}

function shapeDifference(
  a: Shape,
  b: Shape,
  size: { width: number; height: number },
  tolerance: Tolerance,
): string | null {
  if (a.kind === 'mask')
    return maskKey(a, size.width, size.height) === maskKey(b, size.width, size.height)
      ? null
      : 'pixels differ';
  const numbers = (s: Shape) =>
    s.kind === 'box' ? [s.x, s.y, s.w, s.h] : s.kind === 'polygon' ? s.points.flat() : [];
  const [p, q] = [numbers(a), numbers(b)];
  if (p.length !== q.length) return `${p.length / 2} points became ${q.length / 2}`;
  const worst = Math.max(0, ...p.map((v, i) => Math.abs(v - q[i]!)));
  return worst <= tolerance.px ? null : `off by ${worst} px (allowed ${tolerance.px})`;
}

/**
 * Pairs the samples of two projects by content hash (exports link or copy the bytes) and lists
 * every pair whose regions differ. Duplicated images pair with any match among them.
 */
export function roundTripDifferences(
  before: readonly SampleDetail[],
  after: readonly SampleDetail[],
  compare: (a: SampleDetail, b: SampleDetail) => string | null,
): string[] {
  const pool = new Map<string, SampleDetail[]>();
  for (const sample of after) pool.set(sample.contentHash, [...(pool.get(sample.contentHash) ?? []), sample]);
  const problems: string[] = [];
  for (const sample of before) {
    const candidates = pool.get(sample.contentHash) ?? [];
    if (candidates.length === 0) {
      problems.push(`${sample.relPath}: not in the re-imported project`);
      continue;
    }
    const reasons = candidates.map((c) => compare(sample, c));
    const match = reasons.indexOf(null);
    if (match >= 0) candidates.splice(match, 1);
    else problems.push(`${sample.relPath}: ${reasons[0]}`);
  }
  return problems;
}

/**
 * A mask with its holes filled: background the outside cannot reach, stepping to any of the 8
 * neighbours (so a gap between two diagonal pixels lets the outside in). Written here plainly,
 * apart from the exporter's tracer, to check it.
 */
export function fillHoles(mask: MaskShape): MaskShape {
  const [W, H] = [mask.w + 2, mask.h + 2];
  const pixels = maskPixels(mask);
  const set = (x: number, y: number) =>
    x >= 1 && y >= 1 && x <= mask.w && y <= mask.h && pixels[(y - 1) * mask.w + x - 1] === 1;
  const outside = new Uint8Array(W * H);
  const queue: [number, number][] = [[0, 0]];
  outside[0] = 1;
  while (queue.length > 0) {
    const [x, y] = queue.pop()!;
    for (const [dx, dy] of [
      [-1, -1],
      [0, -1],
      [1, -1],
      [-1, 0],
      [1, 0],
      [-1, 1],
      [0, 1],
      [1, 1],
    ] as const) {
      const [nx, ny] = [x + dx, y + dy];
      if (nx < 0 || ny < 0 || nx >= W || ny >= H || outside[ny * W + nx] || set(nx, ny)) continue;
      outside[ny * W + nx] = 1;
      queue.push([nx, ny]);
    }
  }
  const filled = new Uint8Array(mask.w * mask.h);
  for (let y = 0; y < mask.h; y++)
    for (let x = 0; x < mask.w; x++) filled[y * mask.w + x] = outside[(y + 1) * W + x + 1] ? 0 : 1;
  const tight = maskShapeFromBitmap(filled, mask.w, mask.h)!;
  return { ...tight, x: tight.x + mask.x, y: tight.y + mask.y };
}
