/**
 * The score axis of the OK-vs-NG histogram. Scores that are probabilities (all in [0, 1]) are
 * binned on a logit scale: a pack whose NG images score 0.97–0.999 and whose threshold sits at
 * 0.998 put every NG image and the threshold into the last of 20 even bins, so the chart could
 * not show what the threshold separates. Other scores keep a linear axis.
 */
export type ScoreScale = 'linear' | 'logit';

/** Logits are taken of scores kept this far inside (0, 1): 0 and 1 have none. */
const EDGE = 1e-4;

const clampUnit = (s: number) => Math.min(1 - EDGE, Math.max(EDGE, s));
const logit = (s: number) => Math.log(clampUnit(s) / (1 - clampUnit(s)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The scale scores are binned on: logit when every score is a probability. */
export function scaleFor(scores: readonly number[]): ScoreScale {
  return scores.length > 0 && scores.every((s) => s >= 0 && s <= 1) ? 'logit' : 'linear';
}

/** A score's position on the axis, in the axis' own units (the score, or its logit). */
export function axisValue(score: number, scale: ScoreScale): number {
  return scale === 'logit' ? logit(score) : score;
}

/** The score at an axis position (axisValue's inverse, up to the clamp at 0 and 1). */
export function scoreAt(value: number, scale: ScoreScale): number {
  return scale === 'logit' ? sigmoid(value) : value;
}

/** Where a score lies between the first and the last edge (0–1, clamped); null without a span. */
export function axisFraction(edges: readonly number[], scale: ScoreScale, score: number): number | null {
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first === undefined || last === undefined) return null;
  const [lo, hi] = [axisValue(first, scale), axisValue(last, scale)];
  if (!(hi > lo)) return null;
  return Math.min(1, Math.max(0, (axisValue(score, scale) - lo) / (hi - lo)));
}

/** Probabilities worth a tick on a logit axis: each decade towards 0 and towards 1. */
const LOGIT_TICKS = [1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999];

/**
 * Tick scores for the axis: the two ends on a linear one; on a logit one the decades between the
 * ends, skipping any closer than `minGap` (a fraction of the axis) to the tick before.
 */
export function axisTicks(edges: readonly number[], scale: ScoreScale, minGap = 0.1): number[] {
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first === undefined || last === undefined) return [];
  if (scale === 'linear') return [first, last];
  const ticks: number[] = [];
  let previous = -Infinity;
  for (const t of LOGIT_TICKS) {
    const at = axisFraction(edges, scale, t);
    if (t < first || t > last || at === null || at - previous < minGap) continue;
    ticks.push(t);
    previous = at;
  }
  return ticks;
}
