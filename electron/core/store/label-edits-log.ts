import type { LabelPayload } from './label-edits-types';
import { insertRevision } from './revisions';
import { fromJson, pluckStmt, stmt, type Db } from './sql';

/** Every revision written by a person's label edit has an action starting with this. */
export const LABEL_ACTION_PREFIX = 'label:';

/** Revisions that change nothing a label edit wrote; any other non-label revision is a barrier. */
export const NEUTRAL_ACTIONS = ['file-changed', 'move'] as const;

export type LabelRevision = {
  id: number;
  action: string;
  payload: LabelPayload;
  predictionId: number | null;
};

export function appendLabelRevision(
  db: Db,
  input: {
    sampleId: number;
    author: string;
    action: string;
    payload: LabelPayload;
    predictionId: number | null;
  },
): number {
  return insertRevision(db, input);
}

/** The newest label edit of a sample, reading only the few stack fields (payloads can hold masks). */
export function latestLabelRevision(
  db: Db,
  sampleId: number,
):
  | { id: number; action: string; target: number | null; undoTop: number | null; redoTop: number | null }
  | undefined {
  return stmt(
    db,
    `SELECT id, action, json_extract(payload, '$.target') AS target, json_extract(payload, '$.undoTop') AS undoTop,
            json_extract(payload, '$.redoTop') AS redoTop
       FROM revisions WHERE sample_id = ? AND action LIKE '${LABEL_ACTION_PREFIX}%' ORDER BY id DESC LIMIT 1`,
  ).get(sampleId) as
    | { id: number; action: string; target: number | null; undoTop: number | null; redoTop: number | null }
    | undefined;
}

export function labelRevision(db: Db, sampleId: number, id: number): LabelRevision | undefined {
  const row = stmt(
    db,
    `SELECT id, action, payload, prediction_id AS predictionId FROM revisions
      WHERE id = ? AND sample_id = ? AND action LIKE '${LABEL_ACTION_PREFIX}%'`,
  ).get(id, sampleId) as
    { id: number; action: string; payload: string; predictionId: number | null } | undefined;
  return row && { ...row, payload: fromJson(row.payload) as LabelPayload };
}

/**
 * The newest revision that rewrote the label outside the edit log (an import, a re-import, an
 * annotation import): undo, redo and restore never reach across it. 0 when there is none.
 */
export function latestBarrier(db: Db, sampleId: number): number {
  const neutral = NEUTRAL_ACTIONS.map((action) => `'${action}'`).join(', ');
  return (
    (pluckStmt(
      db,
      `SELECT id FROM revisions WHERE sample_id = ? AND action NOT LIKE '${LABEL_ACTION_PREFIX}%'
         AND action NOT IN (${neutral}) ORDER BY id DESC LIMIT 1`,
    ).get(sampleId) as number | undefined) ?? 0
  );
}

/** A sample's revisions after `afterId`, newest first, payloads parsed (for restore). */
export function revisionsAfter(
  db: Db,
  sampleId: number,
  afterId: number,
): { id: number; action: string; payload: unknown }[] {
  const rows = stmt(
    db,
    'SELECT id, action, payload FROM revisions WHERE sample_id = ? AND id > ? ORDER BY id DESC',
  ).all(sampleId, afterId) as { id: number; action: string; payload: string }[];
  return rows.map((row) => ({ id: row.id, action: row.action, payload: fromJson(row.payload) }));
}

export function revisionExists(db: Db, sampleId: number, id: number): boolean {
  return stmt(db, 'SELECT 1 FROM revisions WHERE id = ? AND sample_id = ?').get(id, sampleId) !== undefined;
}
