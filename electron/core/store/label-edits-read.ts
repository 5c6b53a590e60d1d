import type { Split, Verdict } from '../../contract/domain';
import type { Texts } from '../../contract/review';
import type { LabelDoc, LabelHead, RegionSnapshot, ReviewMark } from './label-edits-types';
import { columnsToShape, type ShapeColumns } from './region-codec';
import { fromJson, pluckStmt, stmt, type Db } from './sql';
import { normaliseTexts } from './task-texts';

type HeadRow = Omit<LabelHead, 'audit' | 'hasLabel'> & { audit: number | null; hasLabel: number };

export function labelHead(db: Db, sampleId: number): LabelHead | undefined {
  const row = stmt(
    db,
    `SELECT s.id AS sampleId, s.file_name AS fileName, s.width, s.height, s.content_hash AS contentHash,
            coalesce(l.revision, 0) AS revision, l.verdict,
            CASE WHEN s.error IS NOT NULL THEN 'error' ELSE coalesce(l.review_state, 'unreviewed') END AS reviewState,
            l.audit, l.sample_id IS NOT NULL AS hasLabel
       FROM samples s LEFT JOIN labels l ON l.sample_id = s.id WHERE s.id = ?`,
  ).get(sampleId) as HeadRow | undefined;
  return row && { ...row, audit: row.audit === 1, hasLabel: row.hasLabel === 1 };
}

type RegionRow = ShapeColumns & {
  id: number;
  defect_type: string | null;
  origin: RegionSnapshot['origin'];
  review_outcome: RegionSnapshot['reviewOutcome'];
  prediction_region_id: number | null;
};

export function liveRegionSnapshots(db: Db, sampleId: number): RegionSnapshot[] {
  const rows = stmt(
    db,
    `SELECT r.id, d.name AS defect_type, r.kind, r.x, r.y, r.w, r.h, r.geometry, r.rle, r.origin,
            r.review_outcome, r.prediction_region_id
       FROM regions r LEFT JOIN defect_types d ON d.id = r.defect_type_id
      WHERE r.sample_id = ? AND r.deleted_revision IS NULL ORDER BY r.id`,
  ).all(sampleId) as RegionRow[];
  return rows.map((row) => ({
    id: row.id,
    defectType: row.defect_type,
    shape: columnsToShape(row),
    origin: row.origin,
    reviewOutcome: row.review_outcome,
    predictionRegionId: row.prediction_region_id,
  }));
}

export function predictionReviews(db: Db, sampleId: number): Map<number, ReviewMark> {
  const rows = stmt(
    db,
    `SELECT prediction_region_id AS id, outcome, region_id AS regionId FROM prediction_reviews
      WHERE sample_id = ? ORDER BY prediction_region_id`,
  ).all(sampleId) as ({ id: number } & ReviewMark)[];
  return new Map(rows.map(({ id, ...mark }) => [id, mark]));
}

export function readLabelDoc(db: Db, sampleId: number): LabelDoc {
  const row = stmt(
    db,
    `SELECT l.verdict, s.split, l.texts FROM samples s LEFT JOIN labels l ON l.sample_id = s.id WHERE s.id = ?`,
  ).get(sampleId) as { verdict: Verdict | null; split: Split | null; texts: string | null } | undefined;
  return {
    verdict: row?.verdict ?? null,
    split: row?.split ?? null,
    texts: normaliseTexts(fromJson(row?.texts) as Texts | undefined),
    regions: new Map(liveRegionSnapshots(db, sampleId).map((region) => [region.id, region])),
    reviews: predictionReviews(db, sampleId),
  };
}

/** The id SQLite would give the next region; inside a write transaction nobody can take it first. */
export function nextRegionId(db: Db): number {
  return (pluckStmt(db, 'SELECT coalesce(max(id), 0) + 1 FROM regions').get() as number) ?? 1;
}

/**
 * An imported region a person deleted: the truth changed even though no live region shows it.
 * (Regions created by import-family revisions and retired by a label edit.)
 */
export function removedImportedRegion(db: Db, sampleId: number): boolean {
  return (
    pluckStmt(
      db,
      `SELECT 1 FROM regions r
         JOIN revisions c ON c.id = r.created_revision
         JOIN revisions d ON d.id = r.deleted_revision
        WHERE r.sample_id = ? AND c.action NOT LIKE 'label:%' AND d.action LIKE 'label:%' LIMIT 1`,
    ).get(sampleId) !== undefined
  );
}
