import { AppError } from '../../contract/result';
import { fromJson, nowIso, pluckStmt, stmt, toJson, type Db } from './sql';
import type { RevisionInput, RevisionRecord } from './types';

type RevisionRow = {
  id: number;
  sample_id: number;
  author: string;
  at: string;
  action: string;
  payload: string;
  prediction_id: number | null;
};

/** Appends one entry to a sample's history; the table's triggers refuse any later change to it. */
export function appendRevision(db: Db, input: RevisionInput): number {
  if (pluckStmt(db, 'SELECT 1 FROM samples WHERE id = ?').get(input.sampleId) === undefined) {
    throw new AppError('NOT_FOUND', `cannot record a revision: sample ${input.sampleId} does not exist`);
  }
  return insertRevision(db, input);
}

/** For callers inside the store that hold a sample id they just wrote. */
export function insertRevision(db: Db, input: RevisionInput): number {
  const result = stmt(
    db,
    'INSERT INTO revisions (sample_id, author, at, action, payload, prediction_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    input.sampleId,
    input.author,
    nowIso(),
    input.action,
    toJson(input.payload),
    input.predictionId ?? null,
  );
  return Number(result.lastInsertRowid);
}

export function revisions(db: Db, sampleId: number): RevisionRecord[] {
  const rows = stmt(
    db,
    'SELECT id, sample_id, author, at, action, payload, prediction_id FROM revisions WHERE sample_id = ? ORDER BY id',
  ).all(sampleId) as RevisionRow[];
  return rows.map((row) => ({
    id: row.id,
    sampleId: row.sample_id,
    author: row.author,
    at: row.at,
    action: row.action,
    payload: fromJson(row.payload),
    predictionId: row.prediction_id,
  }));
}
