import type { ReviewState } from '../../contract/domain';
import { AppError } from '../../contract/result';
import type { LabelOp, RegionSnapshot } from './label-edits-types';
import { shapeToColumns } from './region-codec';
import { refreshRegionDefectTypes } from './sample-defect-types';
import { fromJson, nowIso, pluckStmt, stmt, toJson, type Db } from './sql';
import { ensureDefectType } from './taxonomy';
import { normaliseTexts } from './task-texts';

/** Makes the region live with exactly this content: a new row, or a revived / rewritten one. */
function putRegion(db: Db, sampleId: number, region: RegionSnapshot, revisionId: number): void {
  const c = shapeToColumns(region.shape, `region ${region.id}`);
  const typeId = region.defectType === null ? null : ensureDefectType(db, region.defectType).id;
  const result = stmt(
    db,
    `INSERT INTO regions (id, sample_id, defect_type_id, kind, x, y, w, h, geometry, rle, origin, review_outcome,
                          prediction_region_id, created_revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET defect_type_id = excluded.defect_type_id, kind = excluded.kind,
       x = excluded.x, y = excluded.y, w = excluded.w, h = excluded.h, geometry = excluded.geometry,
       rle = excluded.rle, origin = excluded.origin, review_outcome = excluded.review_outcome,
       prediction_region_id = excluded.prediction_region_id, deleted_revision = NULL
     WHERE regions.sample_id = excluded.sample_id`,
  ).run(
    region.id,
    sampleId,
    typeId,
    c.kind,
    c.x,
    c.y,
    c.w,
    c.h,
    c.geometry,
    c.rle,
    region.origin,
    region.reviewOutcome,
    region.predictionRegionId,
    revisionId,
  );
  if (result.changes !== 1) throw new AppError('INTERNAL', `region ${region.id} belongs to another sample`);
}

function removeRegion(db: Db, sampleId: number, id: number, revisionId: number): void {
  const result = stmt(
    db,
    'UPDATE regions SET deleted_revision = ? WHERE id = ? AND sample_id = ? AND deleted_revision IS NULL',
  ).run(revisionId, id, sampleId);
  if (result.changes !== 1) throw new AppError('INTERNAL', `region ${id} is not live on sample ${sampleId}`);
}

function setText(db: Db, sampleId: number, level: string, value: string): void {
  const stored = pluckStmt(db, 'SELECT texts FROM labels WHERE sample_id = ?').get(sampleId) as
    string | undefined;
  const current = fromJson(stored) as Record<string, string> | undefined;
  const texts = normaliseTexts({ ...current, [level]: value });
  stmt(db, 'UPDATE labels SET texts = ? WHERE sample_id = ?').run(toJson(texts), sampleId);
}

/** Writes one revision's operations; the caller has inserted the revision and holds the transaction. */
export function writeLabelOps(db: Db, sampleId: number, ops: readonly LabelOp[], revisionId: number): void {
  let regionsChanged = false;
  for (const op of ops) {
    switch (op.op) {
      case 'verdict':
        stmt(db, 'UPDATE labels SET verdict = ? WHERE sample_id = ?').run(op.value, sampleId);
        break;
      case 'split':
        stmt(db, 'UPDATE samples SET split = ?, updated_at = ? WHERE id = ?').run(
          op.value,
          nowIso(),
          sampleId,
        );
        break;
      case 'text':
        setText(db, sampleId, op.level, op.value);
        break;
      case 'region:put':
        putRegion(db, sampleId, op.region, revisionId);
        regionsChanged = true;
        break;
      case 'region:remove':
        removeRegion(db, sampleId, op.id, revisionId);
        regionsChanged = true;
        break;
      case 'review:put':
        stmt(
          db,
          `INSERT INTO prediction_reviews (sample_id, prediction_region_id, outcome, region_id, revision)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (sample_id, prediction_region_id) DO UPDATE SET outcome = excluded.outcome,
             region_id = excluded.region_id, revision = excluded.revision`,
        ).run(sampleId, op.predictionRegionId, op.outcome, op.regionId, revisionId);
        break;
      case 'review:remove':
        stmt(db, 'DELETE FROM prediction_reviews WHERE sample_id = ? AND prediction_region_id = ?').run(
          sampleId,
          op.predictionRegionId,
        );
        break;
    }
  }
  if (regionsChanged) refreshRegionDefectTypes(db, sampleId);
}

/** A label exists for every imported sample; one made some other way gets its row on first edit. */
export function ensureLabelRow(db: Db, sampleId: number): void {
  stmt(
    db,
    `INSERT INTO labels (sample_id, origin, updated_at) VALUES (?, 'human', ?) ON CONFLICT (sample_id) DO NOTHING`,
  ).run(sampleId, nowIso());
}

/**
 * Stamps the label with its new revision. Origin turns 'human' for good, even when an undo
 * brings the content back: a re-import then never replaces regions the undo history points at.
 */
export function stampLabel(
  db: Db,
  sampleId: number,
  stamp: { revision: number; reviewState: ReviewState; audit: boolean },
): void {
  stmt(
    db,
    `UPDATE labels SET revision = ?, review_state = ?, origin = 'human', audit = max(audit, ?), updated_at = ?
      WHERE sample_id = ?`,
  ).run(stamp.revision, stamp.reviewState, stamp.audit ? 1 : 0, nowIso(), sampleId);
}
