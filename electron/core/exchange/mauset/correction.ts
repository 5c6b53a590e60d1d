import type { RegionOutcome } from '../../../contract/review';
import type { Correction } from './record-schema';

/** What the store knows about how an image's truth came to be. */
export type CorrectionFacts = {
  /** A reviewer decided the image (review state ok, ng or corrected). */
  reviewed: boolean;
  verdict: 'OK' | 'NG';
  /** The verdict of the prediction the reviewer saw, if any. */
  predictedVerdict: 'OK' | 'NG' | 'unsure' | null;
  regions: readonly { origin: 'imported' | 'human'; reviewOutcome: RegionOutcome | null; linked: boolean }[];
  /** Outcomes of the predicted regions the reviewer judged. */
  predictionOutcomes: readonly ('confirmed' | 'false_positive' | 'retyped' | 'redrawn')[];
  /** A person deleted a region the image was imported with. */
  importedRegionRemoved: boolean;
};

/**
 * - imported: nobody decided the image; the truth is what the dataset said (or what a person
 *   drew without deciding, which is then "added");
 * - corrected: the reviewer rejected, retyped or redrew something the model or the dataset said,
 *   or overturned the model's verdict;
 * - added: the reviewer's only changes were defects nobody had marked;
 * - confirmed: the reviewer agreed with what was there.
 */
export function correctionOf(facts: CorrectionFacts): Correction {
  const humanRegions = facts.regions.filter((r) => r.origin === 'human');
  const added = humanRegions.some(
    (r) => r.reviewOutcome === 'missed' || (r.reviewOutcome === null && !r.linked),
  );
  if (!facts.reviewed) return humanRegions.length > 0 ? 'added' : 'imported';
  const changed =
    facts.importedRegionRemoved ||
    facts.predictionOutcomes.some((outcome) => outcome !== 'confirmed') ||
    humanRegions.some((r) => r.reviewOutcome === 'retyped' || r.reviewOutcome === 'redrawn');
  if (changed) return 'corrected';
  if (added) return 'added';
  const overturned =
    facts.predictedVerdict !== null &&
    facts.predictedVerdict !== 'unsure' &&
    facts.predictedVerdict !== facts.verdict;
  return overturned ? 'corrected' : 'confirmed';
}
