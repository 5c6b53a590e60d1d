import { asRegionId, asSampleId } from '../../contract/ids';
import { asPredictionRegionId, type LabelState } from '../../contract/review';
import { AppError } from '../../contract/result';
import { latestBarrier, latestLabelRevision } from '../store/label-edits-log';
import { labelHead, readLabelDoc } from '../store/label-edits-read';
import type { LabelHead } from '../store/label-edits-types';
import { latestPrediction } from '../store/predictions';
import type { Db } from '../store/sql';
import { stacksAfter, type Stacks } from './undo-stack';

export function requireHead(db: Db, sampleId: number): LabelHead {
  const head = labelHead(db, sampleId);
  if (!head) throw new AppError('NOT_FOUND', `no sample ${sampleId} in this project`);
  return head;
}

/** The undo and redo tops now, cut off at the newest barrier (nothing reaches across an import). */
export function currentStacks(db: Db, sampleId: number): Stacks {
  const stacks = stacksAfter(latestLabelRevision(db, sampleId));
  const barrier = latestBarrier(db, sampleId);
  return { undoTop: clamp(stacks.undoTop, barrier), redoTop: clamp(stacks.redoTop, barrier) };
}

export const clamp = (id: number | null | undefined, barrier: number): number | null =>
  id != null && id > barrier ? id : null;

export function readLabelState(db: Db, sampleId: number): LabelState {
  const head = requireHead(db, sampleId);
  const doc = readLabelDoc(db, sampleId);
  const stacks = currentStacks(db, sampleId);
  return {
    sampleId: asSampleId(sampleId),
    revision: head.revision,
    verdict: doc.verdict,
    reviewState: head.reviewState as LabelState['reviewState'],
    audit: head.audit,
    split: doc.split,
    regions: [...doc.regions.values()].map((region) => ({
      id: asRegionId(region.id),
      defectType: region.defectType,
      shape: region.shape,
      origin: region.origin,
      reviewOutcome: region.reviewOutcome,
      predictionRegionId:
        region.predictionRegionId === null ? null : asPredictionRegionId(region.predictionRegionId),
    })),
    predictionReviews: [...doc.reviews].map(([id, mark]) => ({
      predictionRegionId: asPredictionRegionId(id),
      outcome: mark.outcome,
      regionId: mark.regionId === null ? null : asRegionId(mark.regionId),
    })),
    texts: doc.texts,
    canUndo: stacks.undoTop !== null,
    canRedo: stacks.redoTop !== null,
    prediction: latestPrediction(db, sampleId),
  };
}
