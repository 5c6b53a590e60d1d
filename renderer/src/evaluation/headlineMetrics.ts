import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { modelVerdictRates } from '../../../electron/contract/evaluation-report/pack-decisions';

/** One headline number: how to read it from a report, and which way is better. */
export type Headline = {
  key: string;
  label: string;
  /** What the number means, for the row's tooltip. */
  hint: string;
  value(report: EvaluationReport): number | null;
  format: 'ratio' | 'percent';
  /** false: lower is better (overkill, escape). */
  higherIsBetter: boolean;
};

const openLevel = (r: EvaluationReport, level: number) =>
  r.texts.open.find((o) => o.level === level)?.rougeL ?? null;

/** Balanced accuracy of the L1 decision (anomaly yes/no) at the run's threshold: mean of the two class recalls. */
function l1Balanced(r: EvaluationReport): number | null {
  const t = r.total.atThreshold;
  if (t.overkillRate === null || t.escapeRate === null) return null;
  return 1 - (t.overkillRate + t.escapeRate) / 2;
}

export const HEADLINES: Headline[] = [
  {
    key: 'auroc',
    label: 'Image AUROC',
    hint: 'Chance that a random NG image scores above a random OK one',
    value: (r) => r.total.auroc,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'ap',
    label: 'Average precision',
    hint: 'Area under the precision-recall curve (step-wise)',
    value: (r) => r.total.averagePrecision,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'f1',
    label: 'F1-max',
    hint: 'The best F1 over all thresholds (its threshold is shown beside it)',
    value: (r) => r.total.f1Max?.f1 ?? null,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'pixelAuroc',
    label: 'Pixel AUROC',
    hint: 'Per-pixel AUROC of the anomaly maps against the labelled regions',
    value: (r) => r.total.pixel?.auroc ?? null,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'aupro',
    label: 'AUPRO',
    hint: 'Area under the per-region overlap curve up to 30 % false positive rate',
    value: (r) => r.total.pixel?.aupro ?? null,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'l1Balanced',
    label: 'L1 balanced accuracy',
    hint: 'Anomaly yes/no at the run threshold: mean of the OK and NG recalls',
    value: l1Balanced,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'overkill',
    label: 'Overkill @ threshold',
    hint: 'OK images judged NG, as a share of OK images',
    value: (r) => r.total.atThreshold.overkillRate,
    format: 'percent',
    higherIsBetter: false,
  },
  {
    key: 'escape',
    label: 'Escape @ threshold',
    hint: 'NG images judged OK, as a share of NG images',
    value: (r) => r.total.atThreshold.escapeRate,
    format: 'percent',
    higherIsBetter: false,
  },
  // the verdicts the review screen shows: each category of part at the pack's threshold for it
  {
    key: 'verdictAccuracy',
    label: 'Accuracy of the pack’s verdicts',
    hint: 'The pack’s own stored verdicts against the labels: each category of part judged at its own threshold, as the review screen shows them',
    value: (r) => modelVerdictRates(r)?.accuracy ?? null,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'verdictOverkill',
    label: 'Overkill of the pack’s verdicts',
    hint: 'OK images the pack itself judged NG (each category at its own threshold), as a share of OK images',
    value: (r) => modelVerdictRates(r)?.overkillRate ?? null,
    format: 'percent',
    higherIsBetter: false,
  },
  {
    key: 'verdictEscape',
    label: 'Escape of the pack’s verdicts',
    hint: 'NG images the pack itself judged OK (each category at its own threshold), as a share of NG images',
    value: (r) => modelVerdictRates(r)?.escapeRate ?? null,
    format: 'percent',
    higherIsBetter: false,
  },
  {
    key: 'l2',
    label: 'L2 type accuracy',
    hint: 'Defect type (or OK) right, over the images',
    value: (r) => r.confusion.accuracy,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'regionPrecision',
    label: 'Region precision',
    hint: 'Predicted regions matching a labelled one at IoU ≥ 0.5',
    value: (r) => r.regions.precision,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'regionRecall',
    label: 'Region recall',
    hint: 'Labelled regions found by a predicted one at IoU ≥ 0.5',
    value: (r) => r.regions.recall,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'regionIou',
    label: 'Region mean IoU',
    hint: 'Mean IoU of the matched region pairs',
    value: (r) => r.regions.meanIou,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'rougeL4',
    label: 'ROUGE-L L4 description',
    hint: 'Overlap of the model’s description with the corrected one',
    value: (r) => openLevel(r, 4),
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'rougeL5',
    label: 'ROUGE-L L5 analysis',
    hint: 'Overlap of the model’s analysis with the corrected one',
    value: (r) => openLevel(r, 5),
    format: 'ratio',
    higherIsBetter: true,
  },
];

export function formatValue(value: number | null, format: Headline['format']): string {
  if (value === null) return '–';
  return format === 'percent' ? `${(value * 100).toFixed(1)} %` : value.toFixed(3);
}

/** The value as the table shows it, so "better" is never claimed for a difference nobody can see. */
// Both formats show three significant decimals of the fraction (0.642, 64.2 %).
const shown = (value: number) => Math.round(value * 1000);

/** Which of two values is better, as shown; null when either is missing or they read the same. */
export function betterOf(a: number | null, b: number | null, higherIsBetter: boolean): 'a' | 'b' | null {
  if (a === null || b === null) return null;
  const [x, y] = [shown(a), shown(b)];
  if (x === y) return null;
  return x > y === higherIsBetter ? 'a' : 'b';
}
