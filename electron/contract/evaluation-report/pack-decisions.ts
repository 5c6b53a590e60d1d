import type { EvaluationReport } from '../api-evaluation';

export type VerdictRates = {
  /** Images with a stored OK/NG verdict. */
  judged: number;
  accuracy: number | null;
  overkillRate: number | null;
  escapeRate: number | null;
  fp: number;
  fn: number;
};

/**
 * The pack's own stored verdicts against the labels. A pack may judge each category of part by
 * a threshold of its own (the shipped MAU-GPT-mini: ball screws at 0.06, PCBs at 0.9976), so one
 * threshold over every image, as the report's slider and `atThreshold` use, can disagree with
 * the verdicts the review screen shows; these are those verdicts. Null where none was stored.
 */
export function modelVerdictRates(report: Pick<EvaluationReport, 'modelVerdicts'>): VerdictRates | null {
  const { tp, fp, fn, tn } = report.modelVerdicts;
  const judged = tp + fp + fn + tn;
  if (judged === 0) return null;
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    judged,
    accuracy: (tp + tn) / judged,
    overkillRate: ratio(fp, fp + tn),
    escapeRate: ratio(fn, fn + tp),
    fp,
    fn,
  };
}

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

/** One sentence on the pack's own verdicts for the terminal and HTML summaries; null without any. */
export function modelVerdictSentence(report: Pick<EvaluationReport, 'modelVerdicts'>): string | null {
  const r = modelVerdictRates(report);
  if (!r) return null;
  return (
    `The pack's own verdicts (each category of part at its own threshold, as the review screen shows them), ` +
    `${r.judged} images: accuracy ${pct(r.accuracy)}, overkill ${pct(r.overkillRate)} (${r.fp} OK judged NG), ` +
    `escape ${pct(r.escapeRate)} (${r.fn} NG judged OK)`
  );
}

/** "0.997644 (the pack's threshold for pcb)": the report's threshold and, where it is a category's own, whose. */
export function thresholdLabel(report: Pick<EvaluationReport, 'threshold' | 'thresholdCategory'>): string {
  return report.thresholdCategory
    ? `${report.threshold} (the pack's threshold for ${report.thresholdCategory})`
    : String(report.threshold);
}
