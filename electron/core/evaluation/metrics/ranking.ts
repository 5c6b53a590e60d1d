/**
 * Image-level ranking metrics over (score, label) pairs; label 1 is NG (positive), 0 is OK.
 * A higher score means "more anomalous"; an image is judged NG when score ≥ threshold.
 */
export type Scored = { score: number; positive: boolean };

/**
 * Area under the ROC curve as the Mann-Whitney U statistic: the chance that a random NG image
 * scores above a random OK one, ties counting 1/2. Null when either class is absent.
 */
export function auroc(items: readonly Scored[]): number | null {
  const positives = items.filter((i) => i.positive).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSumPositives = 0;
  for (let start = 0; start < sorted.length;) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1]!.score === sorted[start]!.score) end++;
    // ranks start..end (1-based: start+1..end+1) share their mean
    const midRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) if (sorted[i]!.positive) rankSumPositives += midRank;
    start = end + 1;
  }
  const u = rankSumPositives - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}

/** Confusion counts for "score ≥ threshold is NG" at each distinct score, highest first. */
export type OperatingPoint = { threshold: number | null; tp: number; fp: number; fn: number; tn: number };

/**
 * One point per distinct score (plus the start where nothing is judged NG, threshold null), in
 * order of falling threshold: the ROC, PR and F1 sweeps all read these.
 */
export function operatingPoints(items: readonly Scored[]): OperatingPoint[] {
  const positives = items.filter((i) => i.positive).length;
  const negatives = items.length - positives;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const points: OperatingPoint[] = [{ threshold: null, tp: 0, fp: 0, fn: positives, tn: negatives }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length;) {
    const threshold = sorted[i]!.score;
    while (i < sorted.length && sorted[i]!.score === threshold) {
      if (sorted[i]!.positive) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold, tp, fp, fn: positives - tp, tn: negatives - fp });
  }
  return points;
}

export type RocPoint = { threshold: number | null; fpr: number; tpr: number };
export type PrPoint = { threshold: number; precision: number; recall: number };

/** ROC from (0,0) to (1,1); empty when either class is absent. */
export function rocCurve(points: readonly OperatingPoint[]): RocPoint[] {
  const first = points[0];
  if (!first || first.fn === 0 || first.tn === 0) return [];
  return points.map((p) => ({
    threshold: p.threshold,
    fpr: p.fp / (p.fp + p.tn),
    tpr: p.tp / (p.tp + p.fn),
  }));
}

/** Precision and recall at each threshold that judges at least one image NG; empty without NG images. */
export function prCurve(points: readonly OperatingPoint[]): PrPoint[] {
  const first = points[0];
  if (!first || first.fn === 0) return [];
  return points
    .filter((p): p is OperatingPoint & { threshold: number } => p.threshold !== null)
    .map((p) => ({ threshold: p.threshold, precision: p.tp / (p.tp + p.fp), recall: p.tp / (p.tp + p.fn) }));
}

/**
 * Average precision as scikit-learn defines it: Σ (R_k − R_{k−1}) · P_k over the thresholds,
 * the step-wise area under the PR curve (no interpolation).
 */
export function averagePrecision(pr: readonly PrPoint[]): number | null {
  if (pr.length === 0) return null;
  let previousRecall = 0;
  let area = 0;
  for (const p of pr) {
    area += (p.recall - previousRecall) * p.precision;
    previousRecall = p.recall;
  }
  return area;
}

/** The best F1 = 2TP / (2TP + FP + FN) over all thresholds, and the threshold that gives it. */
export function f1Max(points: readonly OperatingPoint[]): { f1: number; threshold: number } | null {
  let best: { f1: number; threshold: number } | null = null;
  for (const p of points) {
    if (p.threshold === null) continue;
    const denominator = 2 * p.tp + p.fp + p.fn;
    const f1 = denominator === 0 ? 0 : (2 * p.tp) / denominator;
    if (!best || f1 > best.f1) best = { f1, threshold: p.threshold };
  }
  return best && (points[0]?.fn ?? 0) > 0 ? best : null;
}

/** At most `max` points, always keeping the first and the last (for charts and reports). */
export function thinOut<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(points[Math.round((k * (points.length - 1)) / (max - 1))]!);
  return out;
}
