import { categoryEntry } from './options';
import type { MauGptRuntime } from './runtime';

/** Histogram bins that narrow the candidates down before the exact selection. */
const BINS = 4096;

/**
 * Mean of the `fraction` highest values (at least one; 0 gives the highest), as
 * models/recipe/evaluate.py `top_fraction_mean`. Not a sort: a histogram finds the bins that hold
 * the top k, and only their values are selected exactly. A selection over every value took 21 ms
 * on a 640² board and 0.7 s on a 4096² map; this takes 4 ms and 0.19 s.
 */
export function topFractionMean(values: Float32Array, fraction: number): number {
  if (values.length === 0) throw new RangeError('topFractionMean: the map is empty');
  const k = Math.max(1, Math.floor(values.length * fraction));
  const n = values.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return lo === Infinity ? NaN : hi; // one value throughout, or nothing comparable
  const scale = BINS / (hi - lo);
  const bins = new Uint16Array(n);
  const counts = new Uint32Array(BINS);
  for (let i = 0; i < n; i++) {
    const bin = Math.min(BINS - 1, Math.floor((values[i]! - lo) * scale));
    bins[i] = bin;
    counts[bin]!++;
  }
  let first = BINS - 1;
  let kept = counts[first]!;
  while (kept < k) kept += counts[--first]!;
  const candidates = new Float32Array(kept);
  let at = 0;
  for (let i = 0; i < n; i++) if (bins[i]! >= first) candidates[at++] = values[i]!;
  partitionLargestFirst(candidates, k);
  let sum = 0;
  for (let i = 0; i < k; i++) sum += candidates[i]!;
  return sum / k;
}

/**
 * Reorders `a` so that its first k values are k largest (in no order): quickselect with a
 * three-way partition, so a map with large flat areas (many equal values) stays linear.
 */
function partitionLargestFirst(a: Float32Array, k: number): void {
  let lo = 0;
  let hi = a.length;
  while (hi - lo > 1) {
    const pivot = medianOfThree(a[lo]!, a[(lo + hi) >>> 1]!, a[hi - 1]!);
    // [lo, above) > pivot, [above, i) == pivot, [below, hi) < pivot
    let above = lo;
    let below = hi;
    let i = lo;
    while (i < below) {
      const v = a[i]!;
      if (v > pivot) swap(a, above++, i++);
      else if (v < pivot) swap(a, i, --below);
      else i++;
    }
    if (k < above) hi = above;
    else if (k > below) lo = below;
    else return;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

type Encoded = Pick<
  Awaited<ReturnType<MauGptRuntime['encodeImage']>>,
  'anomalyMap' | 'anomalyScore' | 'tiles'
>;

/**
 * The image score the verdict is judged by: on a tiled map, where the sample's category names an
 * `imageTopFraction` (options.categoryThresholds, chosen with its image threshold on val), the mean
 * of the stitched map's highest fraction of pixels; otherwise the encoder's own score (the largest
 * tile score in tiles mode).
 */
export function imageScoreOf(
  pack: MauGptRuntime['pack'],
  category: string | undefined,
  encoded: Encoded,
): number {
  const fraction = categoryEntry(pack.options, category)?.imageTopFraction;
  if (fraction === undefined || !encoded.tiles) return encoded.anomalyScore;
  return topFractionMean(encoded.anomalyMap.data as Float32Array, fraction);
}
