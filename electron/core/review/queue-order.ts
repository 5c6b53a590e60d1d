import type { QueueFact } from '../store/review-queue';
import { mix32, seededRandom } from './prng';

export type QueueOptions = { threshold: number; auditShare: number; seed: number };

/**
 * Margins to the threshold closer than this count as equally close: 0.41 and 0.43 say the same
 * about how much a person is needed, and then the disagreement decides.
 */
export const MARGIN_BAND = 0.05;

/** The model contradicts itself: an NG score with no region to show, or regions under an OK score. */
export function disagrees(fact: QueueFact, threshold: number): boolean {
  if (fact.score === null) return false;
  return fact.score >= threshold ? fact.regionCount === 0 : fact.regionCount > 0;
}

/** The model let the image pass: the pool blind audits are drawn from. */
export function modelPassed(fact: QueueFact, threshold: number): boolean {
  if (!fact.hasPrediction) return false;
  return fact.score !== null ? fact.score < threshold : fact.verdict === 'OK';
}

type Keyed = { fact: QueueFact; index: number; band: number; margin: number; disagreement: number };

function byNeed(a: Keyed, b: Keyed): number {
  return a.band - b.band || b.disagreement - a.disagreement || a.margin - b.margin || a.index - b.index;
}

/**
 * Orders images by what needs a person most:
 * 1. unreviewed images with a prediction: margin to the threshold (in bands), then disagreement
 *    between score and regions, then the exact margin;
 * 2. unreviewed images without a prediction; 3. reviewed ones; 4. unreadable ones.
 * Within a group the given order (the grid's) is kept. Blind audits: a share of the unreviewed
 * images the model passed, chosen by a seeded hash of their ids, moved to seeded random places
 * among the unreviewed ones, so nothing in the order gives them away.
 */
export function orderQueue(
  facts: readonly QueueFact[],
  options: QueueOptions,
): { ids: number[]; audits: number[] } {
  const { threshold, auditShare, seed } = options;
  const predicted: Keyed[] = [];
  const unpredicted: number[] = [];
  const reviewed: number[] = [];
  const broken: number[] = [];
  facts.forEach((fact, index) => {
    if (fact.reviewState === 'error') broken.push(fact.id);
    else if (fact.reviewState !== 'unreviewed') reviewed.push(fact.id);
    else if (!fact.hasPrediction) unpredicted.push(fact.id);
    else {
      const margin = fact.score === null ? Number.POSITIVE_INFINITY : Math.abs(fact.score - threshold);
      const band = Number.isFinite(margin) ? Math.floor(margin / MARGIN_BAND) : Number.MAX_SAFE_INTEGER;
      predicted.push({ fact, index, band, margin, disagreement: disagrees(fact, threshold) ? 1 : 0 });
    }
  });
  predicted.sort(byNeed);

  const pool = predicted.filter((k) => modelPassed(k.fact, threshold)).map((k) => k.fact.id);
  const count = Math.round(pool.length * auditShare);
  const audits = pool.sort((a, b) => mix32(seed, a) - mix32(seed, b) || a - b).slice(0, count);
  const chosen = new Set(audits);

  const front = [...predicted.map((k) => k.fact.id).filter((id) => !chosen.has(id)), ...unpredicted];
  const random = seededRandom(seed);
  for (const id of audits) front.splice(Math.floor(random() * (front.length + 1)), 0, id);
  return { ids: [...front, ...reviewed, ...broken], audits };
}
