import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { ratesAt, sliderStops, stopFor } from './thresholdRates';

// Three OK parts and two NG parts; 0.4 is a tie between two OK parts.
const items = [
  { score: 0.1, ng: false },
  { score: 0.4, ng: false },
  { score: 0.4, ng: false },
  { score: 0.35, ng: true },
  { score: 0.8, ng: true },
];
const OK = 3;
const NG = 2;

// The ROC the core reports for them: one point per distinct score, falling threshold.
const roc: EvaluationReport['curves']['roc'] = [
  { threshold: null, fpr: 0, tpr: 0 },
  { threshold: 0.8, fpr: 0, tpr: 0.5 },
  { threshold: 0.4, fpr: 2 / 3, tpr: 0.5 },
  { threshold: 0.35, fpr: 2 / 3, tpr: 1 },
  { threshold: 0.1, fpr: 1, tpr: 1 },
];
const report = { curves: { roc, pr: [] } } as unknown as EvaluationReport;

/** Counted straight from the parts: score ≥ threshold is NG. */
function counted(threshold: number) {
  const judgedNg = (i: (typeof items)[number]) => i.score >= threshold;
  const fp = items.filter((i) => !i.ng && judgedNg(i)).length;
  const fn = items.filter((i) => i.ng && !judgedNg(i)).length;
  return { fp, fn, overkill: fp / OK, escape: fn / NG, accuracy: (OK - fp + NG - fn) / (OK + NG) };
}

describe('the threshold slider', () => {
  it('runs from "everything NG" on the left to "nothing NG" on the right', () => {
    const stops = sliderStops(report);
    expect(stops.map((s) => s.threshold)).toEqual([0.1, 0.35, 0.4, 0.8, null]);
    expect(ratesAt(stops[0]!, OK, NG)).toMatchObject({ overkillRate: 1, escapeRate: 0 });
    expect(ratesAt(stops[4]!, OK, NG)).toMatchObject({ overkillRate: 0, escapeRate: 1, tp: 0, fp: 0 });
  });

  it('shows at every threshold the overkill, escape and accuracy that counting the parts gives', () => {
    const stops = sliderStops(report);
    for (const threshold of [0, 0.1, 0.2, 0.35, 0.36, 0.4, 0.41, 0.8, 0.81, 2]) {
      const rates = ratesAt(stops[stopFor(stops, threshold)]!, OK, NG);
      const want = counted(threshold);
      expect({ t: threshold, fp: rates.fp, fn: rates.fn }).toEqual({
        t: threshold,
        fp: want.fp,
        fn: want.fn,
      });
      expect(rates.overkillRate).toBeCloseTo(want.overkill, 12);
      expect(rates.escapeRate).toBeCloseTo(want.escape, 12);
      expect(rates.accuracy).toBeCloseTo(want.accuracy, 12);
    }
  });

  it('trades overkill for escapes as the threshold rises', () => {
    const stops = sliderStops(report);
    const rates = stops.map((s) => ratesAt(s, OK, NG));
    for (let i = 1; i < rates.length; i++) {
      expect(rates[i]!.overkillRate).toBeLessThanOrEqual(rates[i - 1]!.overkillRate);
      expect(rates[i]!.escapeRate).toBeGreaterThanOrEqual(rates[i - 1]!.escapeRate);
    }
  });

  it('has no stops for a report without a curve (one class absent)', () => {
    const empty = { curves: { roc: [], pr: [] } } as unknown as EvaluationReport;
    expect(sliderStops(empty)).toEqual([]);
  });
});
