import { userInfo } from 'node:os';
import type { LabelCommand, LabelState } from '../../contract/review';
import { AppError } from '../../contract/result';
import {
  labelRevision,
  latestBarrier,
  revisionExists,
  revisionsAfter,
  type LabelRevision,
} from '../store/label-edits-log';
import { nextRegionId, readLabelDoc } from '../store/label-edits-read';
import { predictedRegion } from '../store/predictions';
import type { Db } from '../store/sql';
import { commitRevision, guardRevision } from './label-commit';
import { clamp, currentStacks, readLabelState, requireHead } from './label-state';
import { applyOps, diffDocs } from './label-ops';
import { planCommand } from './plan-command';
import { docAfterRevision } from './restore';
import { compact, summarize } from './summarize';
import { REDO_ACTION, RESTORE_ACTION, UNDO_ACTION } from './undo-stack';

export type Guarded = { sampleId: number; baseRevision: number; author?: string | undefined };

function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // no passwd entry (some containers)
  }
}

/**
 * Runs `fn` in a write transaction taken at once (BEGIN IMMEDIATE): the revision check and the
 * write cannot be split by another process writing the same project in between.
 */
function writing(db: Db, fn: () => LabelState): LabelState {
  return db.transaction(fn).immediate();
}

export function applyCommand(
  db: Db,
  input: Guarded & { command: LabelCommand; audit?: boolean | undefined },
): LabelState {
  return writing(db, () => {
    const head = requireHead(db, input.sampleId);
    guardRevision(head, input.baseRevision);
    const before = readLabelDoc(db, head.sampleId);
    let next = 0;
    const plan = planCommand(
      {
        doc: before,
        size: { width: head.width, height: head.height },
        where: head.fileName,
        contentHash: head.contentHash,
        nextRegionId: () => (next === 0 ? (next = nextRegionId(db)) : ++next),
        predictedRegion: (id) => predictedRegion(db, id),
      },
      input.command,
    );
    const stacks = currentStacks(db, head.sampleId);
    commitRevision(db, {
      head,
      author: input.author ?? defaultAuthor(),
      action: `label:${input.command.type}`,
      payload: {
        ops: diffDocs(before, plan.after),
        inverse: diffDocs(plan.after, before),
        summary: summarize(input.command, before, plan.after),
        command: compact(input.command),
        below: stacks.undoTop,
        ...(input.audit ? { audit: true } : {}),
      },
      predictionId: plan.predictionId,
      after: plan.after,
      touched: true,
      audit: input.audit ?? false,
    });
    return readLabelState(db, head.sampleId);
  });
}

function stackEntry(db: Db, sampleId: number, id: number): LabelRevision {
  const revision = labelRevision(db, sampleId, id);
  if (!revision)
    throw new AppError('INTERNAL', `sample ${sampleId}: the undo history points at a missing revision ${id}`);
  return revision;
}

export function undo(db: Db, input: Guarded): LabelState {
  return writing(db, () => {
    const head = requireHead(db, input.sampleId);
    guardRevision(head, input.baseRevision);
    const stacks = currentStacks(db, head.sampleId);
    if (stacks.undoTop === null)
      throw new AppError('INVALID_INPUT', `${head.fileName}: there is nothing to undo`);
    const edit = stackEntry(db, head.sampleId, stacks.undoTop);
    const undoTop = edit.payload.below ?? null;
    commitRevision(db, {
      head,
      author: input.author ?? defaultAuthor(),
      action: UNDO_ACTION,
      payload: {
        ops: edit.payload.inverse,
        inverse: edit.payload.ops,
        summary: `undo: ${edit.payload.summary}`,
        target: edit.id,
        below: stacks.redoTop,
        undoTop,
      },
      predictionId: edit.predictionId,
      after: applyOps(readLabelDoc(db, head.sampleId), edit.payload.inverse),
      // An edit under the barrier of an import no longer counts (see currentStacks).
      touched: clamp(undoTop, latestBarrier(db, head.sampleId)) !== null,
    });
    return readLabelState(db, head.sampleId);
  });
}

export function redo(db: Db, input: Guarded): LabelState {
  return writing(db, () => {
    const head = requireHead(db, input.sampleId);
    guardRevision(head, input.baseRevision);
    const stacks = currentStacks(db, head.sampleId);
    if (stacks.redoTop === null)
      throw new AppError('INVALID_INPUT', `${head.fileName}: there is nothing to redo`);
    const undone = stackEntry(db, head.sampleId, stacks.redoTop);
    const edit = stackEntry(db, head.sampleId, undone.payload.target ?? 0);
    commitRevision(db, {
      head,
      author: input.author ?? defaultAuthor(),
      action: REDO_ACTION,
      payload: {
        ops: edit.payload.ops,
        inverse: edit.payload.inverse,
        summary: `redo: ${edit.payload.summary}`,
        target: edit.id,
        undo: undone.id,
        redoTop: undone.payload.below ?? null,
      },
      predictionId: edit.predictionId,
      after: applyOps(readLabelDoc(db, head.sampleId), edit.payload.ops),
      touched: true,
    });
    return readLabelState(db, head.sampleId);
  });
}

export function restore(db: Db, input: Guarded & { revisionId: number }): LabelState {
  return writing(db, () => {
    const head = requireHead(db, input.sampleId);
    guardRevision(head, input.baseRevision);
    if (!revisionExists(db, head.sampleId, input.revisionId)) {
      throw new AppError(
        'NOT_FOUND',
        `${head.fileName}: revision ${input.revisionId} is not in this image's history`,
      );
    }
    const current = readLabelDoc(db, head.sampleId);
    const later = revisionsAfter(db, head.sampleId, input.revisionId);
    const target = docAfterRevision(current, later, input.revisionId, head.fileName);
    const stacks = currentStacks(db, head.sampleId);
    commitRevision(db, {
      head,
      author: input.author ?? defaultAuthor(),
      action: RESTORE_ACTION,
      payload: {
        ops: diffDocs(current, target),
        inverse: diffDocs(target, current),
        summary: `restored the state after revision ${input.revisionId}`,
        restoredTo: input.revisionId,
        below: stacks.undoTop,
      },
      predictionId: null,
      after: target,
      touched: true,
    });
    return readLabelState(db, head.sampleId);
  });
}
