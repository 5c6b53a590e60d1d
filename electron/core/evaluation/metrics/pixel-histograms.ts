/**
 * Pixel-level metrics from histograms of quantised anomaly-map values, so the pixels of 10,000
 * maps never have to sit in memory at once: each map adds its pixels to a few fixed arrays.
 * With 8-bit maps and one bin per level the results are exact, ties included.
 */
export const LEVELS = 256;

export type PixelHistograms = {
  /** Count of ground-truth anomalous pixels at each map level. */
  positive: Float64Array;
  /** Count of normal pixels at each map level. */
  negative: Float64Array;
  /**
   * Σ over ground-truth regions (connected components) of (pixels of the region at this level
   * / region area): the per-region overlap of MVTec AD's PRO, summed before thresholding.
   */
  regionShare: Float64Array;
  /** Number of ground-truth connected components. */
  regions: number;
  images: number;
};

export function emptyHistograms(): PixelHistograms {
  return {
    positive: new Float64Array(LEVELS),
    negative: new Float64Array(LEVELS),
    regionShare: new Float64Array(LEVELS),
    regions: 0,
    images: 0,
  };
}

export function addHistograms(into: PixelHistograms, from: PixelHistograms): void {
  for (let v = 0; v < LEVELS; v++) {
    into.positive[v]! += from.positive[v]!;
    into.negative[v]! += from.negative[v]!;
    into.regionShare[v]! += from.regionShare[v]!;
  }
  into.regions += from.regions;
  into.images += from.images;
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

/** Mann-Whitney AUROC over all pixels: P(anomalous pixel > normal pixel), ties counting 1/2. */
export function histogramAuroc(h: Pick<PixelHistograms, 'positive' | 'negative'>): number | null {
  const positives = sum(h.positive);
  const negatives = sum(h.negative);
  if (positives === 0 || negatives === 0) return null;
  let negativesBelow = 0;
  let wins = 0;
  for (let v = 0; v < h.positive.length; v++) {
    wins += h.positive[v]! * (negativesBelow + h.negative[v]! / 2);
    negativesBelow += h.negative[v]!;
  }
  return wins / (positives * negatives);
}

/** The area under PRO over FPR from 0 to `limit`, divided by `limit` (MVTec AD uses 0.3). */
export function histogramAupro(h: PixelHistograms, limit = 0.3): number | null {
  const negatives = sum(h.negative);
  if (h.regions === 0 || negatives === 0) return null;
  let falsePositives = 0;
  let overlap = 0;
  let fpr = 0;
  let pro = 0;
  let area = 0;
  // sweep the threshold down: at level v every pixel ≥ v is judged anomalous
  for (let v = h.negative.length - 1; v >= 0; v--) {
    falsePositives += h.negative[v]!;
    overlap += h.regionShare[v]!;
    const nextFpr = falsePositives / negatives;
    const nextPro = overlap / h.regions;
    if (nextFpr >= limit) {
      const t = nextFpr === fpr ? 0 : (limit - fpr) / (nextFpr - fpr);
      const proAtLimit = pro + t * (nextPro - pro);
      area += ((limit - fpr) * (pro + proAtLimit)) / 2;
      return area / limit;
    }
    area += ((nextFpr - fpr) * (pro + nextPro)) / 2;
    fpr = nextFpr;
    pro = nextPro;
  }
  return area / limit;
}
