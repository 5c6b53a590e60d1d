import { describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../../electron/contract/api-evaluation';
import { betterOf, formatValue, HEADLINES } from './headlineMetrics';

const headline = (key: string) => HEADLINES.find((h) => h.key === key)!;

function reportWith(
  atThreshold: { overkillRate: number | null; escapeRate: number | null },
  l4: number | null,
) {
  return {
    total: { auroc: 0.9, averagePrecision: 0.8, f1Max: null, pixel: null, atThreshold },
    texts: { open: l4 === null ? [] : [{ level: 4, pairs: 3, rouge1: 0.5, rougeL: l4 }], closed: [] },
  } as unknown as EvaluationReport;
}

describe('headline numbers of the evaluation screen', () => {
  it('marks the higher value better, or the lower one for overkill and escape', () => {
    expect(betterOf(0.9, 0.8, true)).toBe('a');
    expect(betterOf(0.9, 0.8, false)).toBe('b');
    expect(betterOf(0.5, 0.5, true)).toBeNull();
    // 0.6421 and 0.6418 both read 0.642: neither is marked.
    expect(betterOf(0.6421, 0.6418, true)).toBeNull();
    expect(betterOf(null, 0.5, true)).toBeNull();
    expect(headline('overkill').higherIsBetter).toBe(false);
    expect(headline('escape').higherIsBetter).toBe(false);
  });

  it('reads L1 balanced accuracy as the mean of the OK and NG recalls at the threshold', () => {
    const r = reportWith({ overkillRate: 0.2, escapeRate: 0.1 }, null);
    expect(headline('l1Balanced').value(r)).toBeCloseTo(0.85, 12);
    expect(headline('l1Balanced').value(reportWith({ overkillRate: null, escapeRate: 0 }, null))).toBeNull();
  });

  it("reads the pack's own verdicts, not the one threshold, for the verdict rows", () => {
    const r = {
      ...reportWith({ overkillRate: 0.5, escapeRate: 0 }, null),
      modelVerdicts: { tp: 9, fp: 1, fn: 1, tn: 9, unknown: 3 },
    } as EvaluationReport;
    expect(headline('verdictAccuracy').value(r)).toBeCloseTo(0.9, 12);
    expect(headline('verdictOverkill').value(r)).toBeCloseTo(0.1, 12);
    expect(headline('verdictEscape').value(r)).toBeCloseTo(0.1, 12);
    expect(headline('verdictOverkill').higherIsBetter).toBe(false);
    const none = { ...r, modelVerdicts: { tp: 0, fp: 0, fn: 0, tn: 0, unknown: 20 } } as EvaluationReport;
    expect(headline('verdictAccuracy').value(none)).toBeNull();
  });

  it('shows ROUGE-L only for levels that had texts on both sides', () => {
    expect(headline('rougeL4').value(reportWith({ overkillRate: 0, escapeRate: 0 }, 0.42))).toBe(0.42);
    expect(headline('rougeL5').value(reportWith({ overkillRate: 0, escapeRate: 0 }, 0.42))).toBeNull();
    expect(formatValue(null, 'ratio')).toBe('–');
    expect(formatValue(0.125, 'percent')).toBe('12.5 %');
  });
});
