import { deleteMeta, getMeta, setMeta } from './meta';
import { stmt, type Db } from './sql';

/**
 * The pack row whose predictions review shows (labels, heat map, queue order, answers); null:
 * the newest prediction of any pack. Predictions are immutable per pack version and image, so
 * without this a person who ran a second pack could never see the first one's again.
 */
export function reviewPackRow(db: Db): number | null {
  const value = getMeta(db, 'review_pack');
  return value ? Number(value) : null;
}

export function setReviewPackRow(db: Db, rowId: number | null): void {
  if (rowId === null) deleteMeta(db, 'review_pack');
  else setMeta(db, 'review_pack', String(rowId));
}

export type PredictingPack = {
  rowId: number;
  name: string;
  version: string;
  kind: string;
  predictionCount: number;
};

/** Every pack with predictions in the project, the one that predicted last first. */
export function predictingPacks(db: Db): PredictingPack[] {
  return stmt(
    db,
    `SELECT m.id AS rowId, m.name, m.version, m.kind, count(*) AS predictionCount
       FROM predictions p JOIN model_packs m ON m.id = p.model_pack_id
      GROUP BY m.id ORDER BY max(p.id) DESC`,
  ).all() as PredictingPack[];
}
