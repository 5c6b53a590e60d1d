import type { EvaluationSummary } from '../../../electron/contract/api-finetune';
import type { Headline } from '../evaluation/headlineMetrics';

/** A headline number of a fine-tune's comparison, read from a pack's held-out summary. */
export type SummaryMetric = Omit<Headline, 'value'> & { value(summary: EvaluationSummary): number | null };

/** The numbers a comparison on held-out images can show (the full set is on the Evaluation screen). */
export const SUMMARY_METRICS: SummaryMetric[] = [
  {
    key: 'auroc',
    label: 'Image AUROC',
    hint: 'Chance that a random NG image scores above a random OK one',
    value: (s) => s.total.auroc,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'ap',
    label: 'Average precision',
    hint: 'Area under the precision-recall curve',
    value: (s) => s.total.averagePrecision,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'f1',
    label: 'F1-max',
    hint: 'The best F1 over all thresholds',
    value: (s) => s.total.f1Max?.f1 ?? null,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'pixelAuroc',
    label: 'Pixel AUROC',
    hint: 'Per-pixel AUROC of the anomaly maps against the labelled regions',
    value: (s) => s.total.pixel?.auroc ?? null,
    format: 'ratio',
    higherIsBetter: true,
  },
  {
    key: 'accuracy',
    label: 'Accuracy @ threshold',
    hint: 'Verdicts right at each pack’s own threshold',
    value: (s) => s.total.atThreshold.accuracy,
    format: 'percent',
    higherIsBetter: true,
  },
  {
    key: 'overkill',
    label: 'Overkill @ threshold',
    hint: 'OK images judged NG, as a share of OK images',
    value: (s) => s.total.atThreshold.overkillRate,
    format: 'percent',
    higherIsBetter: false,
  },
  {
    key: 'escape',
    label: 'Escape @ threshold',
    hint: 'NG images judged OK, as a share of NG images',
    value: (s) => s.total.atThreshold.escapeRate,
    format: 'percent',
    higherIsBetter: false,
  },
];
