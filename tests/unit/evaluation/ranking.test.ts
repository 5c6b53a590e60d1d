import { describe, expect, it } from 'vitest';
import { binaryMetrics } from '../../../electron/core/evaluation/metrics/binary';
import {
  auroc,
  averagePrecision,
  f1Max,
  operatingPoints,
  prCurve,
  rocCurve,
  thinOut,
  type Scored,
} from '../../../electron/core/evaluation/metrics/ranking';

const items = (scores: number[], labels: number[]): Scored[] =>
  scores.map((score, i) => ({ score, positive: labels[i] === 1 }));

// scikit-learn's documented example: roc_auc_score → 0.75, average_precision_score → 0.8333…
const SKLEARN = items([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);

describe('image AUROC (Mann-Whitney U)', () => {
  it('counts a tie between an NG and an OK image as one half', () => {
    expect(auroc(items([0.5, 0.5], [1, 0]))).toBe(0.5);
  });

  it('matches scikit-learn on its documented example', () => {
    expect(auroc(SKLEARN)).toBeCloseTo(0.75, 12);
  });

  it('averages tied ranks: 3.5 of 4 pairs won', () => {
    // NG 0.5 beats OK 0.2 (1), ties OK 0.5 (½); NG 0.9 beats both (2)
    expect(auroc(items([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]))).toBeCloseTo(0.875, 12);
  });

  it('is undefined (null) without both classes, and 0 or 1 for perfect orderings', () => {
    expect(auroc(items([0.1, 0.9], [1, 1]))).toBeNull();
    expect(auroc(items([0.1, 0.9], [0, 1]))).toBe(1);
    expect(auroc(items([0.1, 0.9], [1, 0]))).toBe(0);
  });
});

describe('ROC, PR and F1-max sweeps', () => {
  const points = operatingPoints(SKLEARN);

  it('walks the ROC from (0,0) to (1,1), one point per distinct score', () => {
    expect(rocCurve(points).map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(rocCurve(points)[0]!.threshold).toBeNull();
  });

  it('gives scikit-learn’s average precision (5/6)', () => {
    const pr = prCurve(points);
    expect(pr.map((p) => [p.threshold, p.precision, p.recall])).toEqual([
      [0.8, 1, 0.5],
      [0.4, 0.5, 0.5],
      [0.35, 2 / 3, 1],
      [0.1, 0.5, 1],
    ]);
    expect(averagePrecision(pr)).toBeCloseTo(5 / 6, 12);
  });

  it('finds F1-max 0.8 at threshold 0.35 (TP 2, FP 1, FN 0)', () => {
    expect(f1Max(points)).toEqual({ f1: 0.8, threshold: 0.35 });
  });

  it('merges tied scores into one operating point', () => {
    const tied = operatingPoints(items([0.5, 0.5, 0.2], [1, 0, 0]));
    expect(tied.map((p) => [p.threshold, p.tp, p.fp])).toEqual([
      [null, 0, 0],
      [0.5, 1, 1],
      [0.2, 1, 2],
    ]);
  });

  it('thins long curves but keeps both ends', () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    const thin = thinOut(long, 11);
    expect(thin).toHaveLength(11);
    expect(thin[0]).toBe(0);
    expect(thin[10]).toBe(999);
  });
});

describe('decisions at a threshold', () => {
  it('counts overkill (OK judged NG) and escapes (NG judged OK)', () => {
    expect(binaryMetrics(SKLEARN, 0.35)).toEqual({
      threshold: 0.35,
      tp: 2,
      fp: 1,
      fn: 0,
      tn: 1,
      accuracy: 0.75,
      precision: 2 / 3,
      recall: 1,
      overkillRate: 0.5,
      escapeRate: 0,
    });
    const strict = binaryMetrics(SKLEARN, 0.5);
    expect([strict.fp, strict.fn, strict.overkillRate, strict.escapeRate]).toEqual([0, 1, 0, 0.5]);
  });

  it('leaves rates of an absent class undefined', () => {
    const onlyOk = binaryMetrics(items([0.1, 0.7], [0, 0]), 0.5);
    expect(onlyOk.escapeRate).toBeNull();
    expect(onlyOk.recall).toBeNull();
    expect(onlyOk.overkillRate).toBe(0.5);
  });
});
