import { AppError } from '../../contract/result';
import { appendLabelRevision } from '../store/label-edits-log';
import { removedImportedRegion } from '../store/label-edits-read';
import type { LabelDoc, LabelHead, LabelPayload } from '../store/label-edits-types';
import { ensureLabelRow, stampLabel, writeLabelOps } from '../store/label-edits-write';
import type { Db } from '../store/sql';
import { docFacts, reviewStateOf } from './review-state';

/** Refuses an edit made on an older state than the stored one: the other window's work stays. */
export function guardRevision(head: LabelHead, baseRevision: number): void {
  if (head.revision === baseRevision) return;
  throw new AppError(
    'CONFLICT',
    `${head.fileName}: another window changed this image (it is at revision ${head.revision}, this edit was based on ${baseRevision}); nothing was saved, showing the newer state`,
  );
}

export type Commit = {
  head: LabelHead;
  author: string;
  action: string;
  payload: LabelPayload;
  predictionId: number | null;
  /** The label's document once the operations are applied (to derive the review state). */
  after: LabelDoc;
  /** A person's edit is still in effect afterwards. */
  touched: boolean;
  audit?: boolean;
};

/**
 * Writes one revision and everything it changes; the caller holds the write transaction, so the
 * revision, the regions and the label row land together or not at all.
 */
export function commitRevision(db: Db, commit: Commit): number {
  const sampleId = commit.head.sampleId;
  ensureLabelRow(db, sampleId);
  const revision = appendLabelRevision(db, {
    sampleId,
    author: commit.author,
    action: commit.action,
    payload: commit.payload,
    predictionId: commit.predictionId,
  });
  writeLabelOps(db, sampleId, commit.payload.ops, revision);
  const reviewState = reviewStateOf({
    ...docFacts(commit.after),
    touched: commit.touched,
    importedRegionRemoved: removedImportedRegion(db, sampleId),
  });
  stampLabel(db, sampleId, { revision, reviewState, audit: commit.audit ?? false });
  return revision;
}
