import type { Scored } from './ranking';

/**
 * Decisions at one threshold (score ≥ threshold is NG). Overkill: an OK part judged NG, the
 * share of OK parts thrown away (FP / (FP + TN)). Escape: an NG part judged OK, the share of
 * defective parts that reach the customer (FN / (FN + TP)). Rates are null where the class is absent.
 */
export type BinaryMetrics = {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  overkillRate: number | null;
  escapeRate: number | null;
};

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function binaryMetrics(items: readonly Scored[], threshold: number): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { score, positive } of items) {
    const judgedNg = score >= threshold;
    if (positive) {
      if (judgedNg) tp++;
      else fn++;
    } else if (judgedNg) fp++;
    else tn++;
  }
  return countsToMetrics(threshold, { tp, fp, fn, tn });
}

export function countsToMetrics(
  threshold: number,
  c: { tp: number; fp: number; fn: number; tn: number },
): BinaryMetrics {
  return {
    threshold,
    ...c,
    accuracy: ratio(c.tp + c.tn, c.tp + c.fp + c.fn + c.tn),
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    overkillRate: ratio(c.fp, c.fp + c.tn),
    escapeRate: ratio(c.fn, c.fn + c.tp),
  };
}
