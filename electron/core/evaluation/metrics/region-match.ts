/** Axis-aligned box in source pixels. */
export type Box = { x: number; y: number; w: number; h: number };

export function boxIou(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

export type RegionCounts = { predicted: number; truth: number; matched: number; iouSum: number };

/**
 * Greedy one-to-one matching of one image's predicted boxes to its ground-truth boxes, the
 * way detection benchmarks (PASCAL VOC, COCO) do: predictions in order of falling score, each
 * takes the unmatched truth box it overlaps most, if that IoU is at least `minIou`.
 */
export function matchRegions(
  predicted: readonly (Box & { score: number | null })[],
  truth: readonly Box[],
  minIou = 0.5,
): RegionCounts {
  const taken = new Array<boolean>(truth.length).fill(false);
  const order = [...predicted].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  let matched = 0;
  let iouSum = 0;
  for (const p of order) {
    let best = -1;
    let bestIou = minIou;
    truth.forEach((t, i) => {
      if (taken[i]) return;
      const iou = boxIou(p, t);
      if (iou >= bestIou) {
        best = i;
        bestIou = iou;
      }
    });
    if (best < 0) continue;
    taken[best] = true;
    matched++;
    iouSum += bestIou;
  }
  return { predicted: predicted.length, truth: truth.length, matched, iouSum };
}

export type RegionMetrics = RegionCounts & {
  precision: number | null;
  recall: number | null;
  /** Mean IoU of the matched pairs. */
  meanIou: number | null;
};

export function regionMetrics(c: RegionCounts): RegionMetrics {
  return {
    ...c,
    precision: c.predicted === 0 ? null : c.matched / c.predicted,
    recall: c.truth === 0 ? null : c.matched / c.truth,
    meanIou: c.matched === 0 ? null : c.iouSum / c.matched,
  };
}

export function addRegionCounts(a: RegionCounts, b: RegionCounts): RegionCounts {
  return {
    predicted: a.predicted + b.predicted,
    truth: a.truth + b.truth,
    matched: a.matched + b.matched,
    iouSum: a.iouSum + b.iouSum,
  };
}
