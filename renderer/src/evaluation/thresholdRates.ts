import type { EvaluationReport } from '../../../electron/contract/api-evaluation';

type RocPoint = EvaluationReport['curves']['roc'][number];

/** The decision "score ≥ threshold is NG" at one slider stop, as counts and rates. */
export type ThresholdRates = {
  /** Null: above every score (nothing judged NG). */
  threshold: number | null;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** OK judged NG, as a share of the OK images. */
  overkillRate: number;
  /** NG judged OK, as a share of the NG images. */
  escapeRate: number;
  accuracy: number;
  /** FPR and TPR, where the ROC marker goes. */
  fpr: number;
  tpr: number;
};

/**
 * The slider's stops in rising threshold order (left: everything NG, right: nothing NG). They are
 * the report's ROC points, one per distinct score, so each stop is an exact operating point
 * rather than an interpolation (the core thins curves above 501 points; stops then skip scores).
 */
export function sliderStops(report: EvaluationReport): RocPoint[] {
  return [...report.curves.roc].reverse();
}

/** Counts and rates at one ROC point, from the slice's OK and NG totals. */
export function ratesAt(point: RocPoint, ok: number, ng: number): ThresholdRates {
  // fpr and tpr are fp/ok and tp/ng: rounding recovers the integer counts exactly.
  const fp = Math.round(point.fpr * ok);
  const tp = Math.round(point.tpr * ng);
  const fn = ng - tp;
  const tn = ok - fp;
  const total = ok + ng;
  return {
    threshold: point.threshold,
    tp,
    fp,
    fn,
    tn,
    overkillRate: ok === 0 ? 0 : fp / ok,
    escapeRate: ng === 0 ? 0 : fn / ng,
    accuracy: total === 0 ? 0 : (tp + tn) / total,
    fpr: point.fpr,
    tpr: point.tpr,
  };
}

/**
 * The stop whose decisions equal "score ≥ threshold": the lowest ROC threshold at or above it
 * (scores below it and above the previous stop judge the same images NG). The last stop (nothing
 * NG) when the threshold is above every score.
 */
export function stopFor(stops: readonly RocPoint[], threshold: number): number {
  const index = stops.findIndex((p) => p.threshold !== null && p.threshold >= threshold);
  return index === -1 ? stops.length - 1 : index;
}
