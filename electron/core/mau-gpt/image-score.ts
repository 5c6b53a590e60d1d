import type { MauGptRuntime } from './runtime';

/**
 * Mean of the `fraction` highest values (at least one; 0 gives the highest), as
 * models/recipe/evaluate.py `top_fraction_mean`. A selection, not a sort: a 4096² map has 16 M
 * values and only the top 1 % of them matter.
 */
export function topFractionMean(values: Float32Array, fraction: number): number {
  if (values.length === 0) throw new RangeError('topFractionMean: the map is empty');
  const k = Math.max(1, Math.floor(values.length * fraction));
  const a = Float32Array.from(values);
  partitionLargestFirst(a, k);
  let sum = 0;
  for (let i = 0; i < k; i++) sum += a[i]!;
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
  const fraction =
    category === undefined ? undefined : pack.options.categoryThresholds?.[category]?.imageTopFraction;
  if (fraction === undefined || !encoded.tiles) return encoded.anomalyScore;
  return topFractionMean(encoded.anomalyMap.data as Float32Array, fraction);
}
