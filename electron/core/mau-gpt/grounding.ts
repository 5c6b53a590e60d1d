import type { PredictionResult } from '../inference/types';
import { plural } from '../mauset-qa/wording';
import type { Level, MauGptOptions } from './options';

/** How the verdict steers one level's answer: a forced start, phrases the decoder may not say. */
export type LevelGrounding = { answerStart?: string; avoid?: string[] };

/** What the anomaly head decided before any text is generated. */
export type Picture = { verdict: PredictionResult['verdict']; regionCount: number };

/**
 * `{regions}` and `{defects}` worded as the MAU-Set export words a region count (L1 "shows 3
 * defective regions", L3 "There are 3 defects:"), so a grounded start reads like its training text.
 */
export function fillCounts(text: string, count: number): string {
  return text
    .replaceAll('{regions}', plural(count, 'defective region'))
    .replaceAll('{defects}', count === 1 ? 'is 1 defect' : `are ${count} defects`);
}

/**
 * What the pack's groundedL1 and groundedLevels ask of `level` for this picture, `{object}` filled
 * by `fill` and the region counts by fillCounts. An ungrounded pack leaves every answer to the decoder.
 */
export function levelGrounding(
  options: MauGptOptions,
  level: Level,
  picture: Picture,
  fill: (text: string) => string,
): LevelGrounding {
  const ng = picture.verdict === 'NG';
  const counted = ng && picture.regionCount > 0;
  const complete = (text: string) => fillCounts(fill(text), picture.regionCount);
  if (level === '1') {
    const l1 = options.groundedL1;
    if (!l1) return {};
    return { answerStart: complete(ng ? (counted && l1.yesWithRegions) || l1.yes : l1.no) };
  }
  const grounded = options.groundedLevels?.[level];
  const start = ng ? (counted && grounded?.ngWithRegions) || grounded?.ng : grounded?.ok;
  const avoid = ng ? (grounded?.avoidWhenNg ?? []).map(fill) : [];
  return { ...(start ? { answerStart: complete(start) } : {}), ...(avoid.length ? { avoid } : {}) };
}
