import { AppError } from '../../contract/result';
import { NEUTRAL_ACTIONS } from '../store/label-edits-log';
import type { LabelDoc, LabelPayload } from '../store/label-edits-types';
import { applyOps } from './label-ops';
import { isLabelAction } from './undo-stack';

const neutral: ReadonlySet<string> = new Set(NEUTRAL_ACTIONS);

/**
 * The label as it was right after revision `revisionId`: the current document with the inverse
 * of every later label revision applied, newest first. Import-like revisions rewrote the label
 * outside the log, so a state from before one cannot be rebuilt and is refused.
 */
export function docAfterRevision(
  current: LabelDoc,
  later: readonly { id: number; action: string; payload: unknown }[],
  revisionId: number,
  where: string,
): LabelDoc {
  let doc = current;
  for (const revision of later) {
    if (isLabelAction(revision.action)) {
      doc = applyOps(doc, (revision.payload as LabelPayload).inverse);
    } else if (!neutral.has(revision.action)) {
      throw new AppError(
        'INVALID_INPUT',
        `${where}: revision ${revisionId} comes before the ${revision.action} in revision ${revision.id}, which replaced the label; it cannot be restored`,
      );
    }
  }
  return doc;
}
