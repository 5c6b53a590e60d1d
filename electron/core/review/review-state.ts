import type { ReviewState, Verdict } from '../../contract/domain';
import type { LabelDoc } from '../store/label-edits-types';

export type ReviewFacts = {
  /** At least one edit by a person is in effect (not undone). */
  touched: boolean;
  verdict: Verdict | null;
  /** A predicted region was judged anything but simply confirmed. */
  predictionCorrected: boolean;
  /** A live region was drawn, redrawn or retyped by a person (a plain confirmation is not). */
  humanRegionChanged: boolean;
  /** A person deleted a region the image came with. */
  importedRegionRemoved: boolean;
};

/**
 * The queue's state of an image, from what its label says now:
 * - 'unreviewed' until a person's edit is in effect, and while the verdict is missing or 'unsure'
 *   (no decision yet, so the image stays at the front of the queue);
 * - 'corrected' when the person changed what the model or the dataset said about regions;
 * - otherwise 'ok' or 'ng' by the verdict.
 * It is a function of the current content, so undo brings the earlier state back by itself.
 */
export function reviewStateOf(facts: ReviewFacts): ReviewState {
  if (!facts.touched || facts.verdict === null || facts.verdict === 'unsure') return 'unreviewed';
  if (facts.predictionCorrected || facts.humanRegionChanged || facts.importedRegionRemoved)
    return 'corrected';
  return facts.verdict === 'NG' ? 'ng' : 'ok';
}

export function docFacts(
  doc: LabelDoc,
): Pick<ReviewFacts, 'verdict' | 'predictionCorrected' | 'humanRegionChanged'> {
  return {
    verdict: doc.verdict,
    predictionCorrected: [...doc.reviews.values()].some((mark) => mark.outcome !== 'confirmed'),
    humanRegionChanged: [...doc.regions.values()].some(
      (region) => region.origin === 'human' && region.reviewOutcome !== 'confirmed',
    ),
  };
}
