import { asPredictionId, type HistoryEntry } from '../../contract/review';
import type { LabelPayload } from '../store/label-edits-types';
import { revisions } from '../store/revisions';
import type { Db } from '../store/sql';
import type { RevisionRecord } from '../store/types';
import { isLabelAction, REDO_ACTION, UNDO_ACTION } from './undo-stack';

type Payload = Record<string, unknown> | undefined;

/** Lines for revisions written outside the edit log (import and file tracking). */
function otherSummary(action: string, payload: Payload): string {
  switch (action) {
    case 'import': {
      const verdict = payload?.verdict ? `, verdict ${String(payload.verdict)}` : '';
      return `imported from ${String(payload?.source ?? 'a dataset')} (${Number(payload?.regions ?? 0)} regions${verdict})`;
    }
    case 'reimport':
      return 're-imported: the file changed and nobody had reviewed it yet';
    case 'file-changed':
      return 'the file changed on disk: kept the review, flagged for a second look';
    case 'move':
      return `the file moved to ${String(payload?.to ?? 'a new place')}`;
    default:
      return action;
  }
}

/** Edits whose effect an undo currently takes back (a redo brings them back). */
export function undoneEdits(log: readonly RevisionRecord[]): Set<number> {
  const undone = new Set<number>();
  for (const revision of log) {
    const target = (revision.payload as LabelPayload | undefined)?.target;
    if (target === undefined) continue;
    if (revision.action === UNDO_ACTION) undone.add(target);
    else if (revision.action === REDO_ACTION) undone.delete(target);
  }
  return undone;
}

/** An image's history for the history panel, newest first. */
export function history(db: Db, sampleId: number): HistoryEntry[] {
  const log = revisions(db, sampleId);
  const undone = undoneEdits(log);
  return log
    .map((revision) => ({
      id: revision.id,
      author: revision.author,
      at: revision.at,
      action: revision.action,
      summary: isLabelAction(revision.action)
        ? ((revision.payload as LabelPayload).summary ?? revision.action)
        : otherSummary(revision.action, revision.payload as Payload),
      undone: undone.has(revision.id),
      predictionId: revision.predictionId === null ? null : asPredictionId(revision.predictionId),
    }))
    .reverse();
}
