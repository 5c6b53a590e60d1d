import { describe, expect, it } from 'vitest';
import { scoreBars } from '../../../electron/contract/evaluation-report/svg-charts';
import { axisFraction, axisTicks, scaleFor } from '../../../electron/contract/evaluation-report/score-scale';
import { scoreHistogram } from '../../../electron/core/evaluation/image-extras';
import type { ScoredRow } from '../../../electron/core/evaluation/triage';

const row = (score: number, positive: boolean) =>
  ({ prediction: { score }, positive }) as unknown as ScoredRow;

/** What mau-gpt-mini's ball screws look like: clean frames 0–0.99, pitted ones 0.97–0.9999. */
const OK_SCORES = [0.001, 0.02, 0.1, 0.4, 0.8, 0.95, 0.99];
const NG_SCORES = [0.97, 0.985, 0.991, 0.996, 0.998, 0.9985, 0.999, 0.9995, 0.9999];
const rows = [...OK_SCORES.map((s) => row(s, false)), ...NG_SCORES.map((s) => row(s, true))];

describe('the OK vs NG score histogram', () => {
  it('bins probabilities on a logit scale, so scores near 1 spread over several bins', () => {
    const histogram = scoreHistogram(rows);
    expect(histogram.scale).toBe('logit');
    expect(histogram.ok.reduce((a, b) => a + b)).toBe(OK_SCORES.length);
    expect(histogram.ng.reduce((a, b) => a + b)).toBe(NG_SCORES.length);
    // on 20 even linear bins all nine NG scores shared the last one
    expect(histogram.ng.filter((n) => n > 0).length).toBeGreaterThanOrEqual(5);
    expect(histogram.edges[0]).toBeCloseTo(0.001, 6);
    expect(histogram.edges.at(-1)).toBeCloseTo(0.9999, 6);
    // a threshold between the NG scores sits well inside the plot, not at its right edge
    const at = axisFraction(histogram.edges, histogram.scale, 0.998)!;
    expect(at).toBeGreaterThan(0.6);
    expect(at).toBeLessThan(0.9);
  });

  it('keeps a linear axis for scores that are not probabilities', () => {
    const histogram = scoreHistogram([row(-2, false), row(0.5, false), row(7, true)], 4);
    expect(histogram.scale).toBe('linear');
    expect(histogram.edges).toEqual([-2, 0.25, 2.5, 4.75, 7]);
    expect(histogram.ok).toEqual([1, 1, 0, 0]);
    expect(histogram.ng).toEqual([0, 0, 0, 1]);
    expect(scaleFor([])).toBe('linear');
  });

  it('ticks the decades on a logit axis and says the scale', () => {
    const histogram = scoreHistogram(rows);
    expect(axisTicks(histogram.edges, 'logit')).toEqual([0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999]);
    const svg = scoreBars(histogram, 'line');
    expect(svg).toContain('image score (logit scale)');
    for (const tick of ['>0.01<', '>0.5<', '>0.99<', '>0.999<']) expect(svg).toContain(tick);
    expect(svg).toMatch(/<title>1 NG · 0\.99\d*–0\.99\d*<\/title>/);
  });
});
