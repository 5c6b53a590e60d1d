import { LABEL_ACTION_PREFIX } from '../store/label-edits-log';

/**
 * Undo and redo as two stacks threaded through the revision log, so they survive a restart and
 * cost O(1) per step however long the history is:
 * - an edit is pushed on the undo stack; it records the edit under it (`below`) and clears redo;
 * - an undo pops edit T, applies T's inverse and is pushed on the redo stack, recording the
 *   undo under it (`below`) and the new undo top (T's `below`);
 * - a redo pops undo U, re-applies U's target and records the new redo top (U's `below`).
 * The edit under T never changes while T is on either stack, so T's `below` stays true.
 */
export const UNDO_ACTION = `${LABEL_ACTION_PREFIX}undo`;
export const REDO_ACTION = `${LABEL_ACTION_PREFIX}redo`;
export const RESTORE_ACTION = `${LABEL_ACTION_PREFIX}restore`;

export type Stacks = { undoTop: number | null; redoTop: number | null };

export const isLabelAction = (action: string): boolean => action.startsWith(LABEL_ACTION_PREFIX);
export const isEditAction = (action: string): boolean =>
  isLabelAction(action) && action !== UNDO_ACTION && action !== REDO_ACTION;

/** The stacks right after the newest label revision (none: both empty). */
export function stacksAfter(
  latest:
    | { id: number; action: string; target: number | null; undoTop: number | null; redoTop: number | null }
    | undefined,
): Stacks {
  if (!latest) return { undoTop: null, redoTop: null };
  if (latest.action === UNDO_ACTION) return { undoTop: latest.undoTop, redoTop: latest.id };
  if (latest.action === REDO_ACTION) return { undoTop: latest.target, redoTop: latest.redoTop };
  return { undoTop: latest.id, redoTop: null };
}
