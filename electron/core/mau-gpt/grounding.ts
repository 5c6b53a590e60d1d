import type { PredictionResult } from '../inference/types';
import type { Level, MauGptOptions } from './options';

/** How the verdict steers one level's answer: a forced start, phrases the decoder may not say. */
export type LevelGrounding = { answerStart?: string; avoid?: string[] };

/**
 * What the pack's groundedL1 and groundedLevels ask of `level` under `verdict`, `{object}` filled
 * by `fill`. An ungrounded pack leaves every answer to the decoder.
 */
export function levelGrounding(
  options: MauGptOptions,
  level: Level,
  verdict: PredictionResult['verdict'],
  fill: (text: string) => string,
): LevelGrounding {
  const ng = verdict === 'NG';
  if (level === '1') {
    const l1 = options.groundedL1;
    return l1 ? { answerStart: fill(ng ? l1.yes : l1.no) } : {};
  }
  const grounded = options.groundedLevels?.[level];
  const start = ng ? grounded?.ng : grounded?.ok;
  const avoid = ng ? (grounded?.avoidWhenNg ?? []).map(fill) : [];
  return { ...(start ? { answerStart: fill(start) } : {}), ...(avoid.length ? { avoid } : {}) };
}
