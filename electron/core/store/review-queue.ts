import type { ReviewState, SampleFilter, Verdict } from '../../contract/domain';
import type { ReviewStats } from '../../contract/review';
import { reviewPackRow } from './review-pack';
import { filterWhere, REVIEW_STATE_SQL, SAMPLE_FROM } from './sample-filter';
import { jsonList, stmt, type Db } from './sql';

/** What the queue orders by, per sample: its state and the newest prediction for its content (of the pack under review, if one is). */
export type QueueFact = {
  id: number;
  reviewState: ReviewState;
  hasPrediction: boolean;
  score: number | null;
  verdict: Verdict | null;
  regionCount: number;
};

type FactRow = Omit<QueueFact, 'hasPrediction'> & { predictionId: number | null };

/** Facts for the given ids, in the same order. */
export function queueFacts(db: Db, ids: readonly number[]): QueueFact[] {
  if (ids.length === 0) return [];
  const pack = reviewPackRow(db);
  const rows = stmt(
    db,
    `WITH latest AS (SELECT content_hash, max(id) AS id FROM predictions
                      WHERE (? IS NULL OR model_pack_id = ?) GROUP BY content_hash)
     SELECT s.id, ${REVIEW_STATE_SQL} AS reviewState, p.id AS predictionId, p.score, p.verdict,
            (SELECT count(*) FROM prediction_regions pr WHERE pr.prediction_id = p.id) AS regionCount
       FROM ${SAMPLE_FROM}
       LEFT JOIN latest ON latest.content_hash = s.content_hash
       LEFT JOIN predictions p ON p.id = latest.id
      WHERE s.id IN (SELECT value FROM json_each(?))`,
  ).all(pack, pack, jsonList(ids)) as FactRow[];
  const byId = new Map(
    rows.map(({ predictionId, ...row }) => [row.id, { ...row, hasPrediction: predictionId !== null }]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const REVIEWED = `${REVIEW_STATE_SQL} IN ('ok', 'ng', 'corrected')`;

export function reviewStats(db: Db, filter: SampleFilter): ReviewStats {
  const where = filterWhere(filter);
  const row = stmt(
    db,
    `SELECT count(*) AS total,
            coalesce(sum(${REVIEWED}), 0) AS reviewed,
            coalesce(sum(s.error IS NOT NULL), 0) AS errors,
            coalesce(sum(coalesce(l.audit, 0) = 1 AND ${REVIEWED}), 0) AS auditsReviewed,
            coalesce(sum(coalesce(l.audit, 0) = 1 AND ${REVIEWED} AND l.verdict = 'NG'), 0) AS auditsFoundNg
       FROM ${SAMPLE_FROM} ${where.sql}`,
  ).get(...where.params) as Omit<ReviewStats, 'left'>;
  return { ...row, left: Math.max(0, row.total - row.reviewed - row.errors) };
}
