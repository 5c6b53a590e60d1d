import type { Verdict } from '../../contract/domain';
import type { Shape } from '../../contract/geometry';
import { asPredictionId, asPredictionRegionId, type PredictionView, type Texts } from '../../contract/review';
import { AppError } from '../../contract/result';
import { columnsToShape, shapeToColumns, type ShapeColumns } from './region-codec';
import { reviewPackRow } from './review-pack';
import { fromJson, nowIso, pluckStmt, stmt, toJson, type Db } from './sql';
import { findDefectType } from './taxonomy';
import { normaliseTexts } from './task-texts';
import { verdictThreshold } from './verdict-threshold';

export type PredictionInput = {
  sampleId: number;
  modelPack: { name: string; version: string; kind: string };
  /** sha256 of the bytes the model saw; a prediction belongs to that content. */
  contentHash: string;
  score: number | null;
  verdict: Verdict | null;
  anomalyMapPath: string | null;
  regions: { defectType: string | null; score: number | null; shape: Shape }[];
  /** Answers per task level, keyed 1..5. */
  texts: Partial<Record<number | string, string>>;
};

/** A pack seen only through its predictions (imported files) still needs a row to point to. */
function packId(db: Db, pack: PredictionInput['modelPack']): number {
  stmt(
    db,
    `INSERT INTO model_packs (name, version, kind, dir, manifest, sha256, added_at)
     VALUES (?, ?, ?, '', '{}', '', ?) ON CONFLICT (name, version) DO NOTHING`,
  ).run(pack.name, pack.version, pack.kind, nowIso());
  return pluckStmt(db, 'SELECT id FROM model_packs WHERE name = ? AND version = ?').get(
    pack.name,
    pack.version,
  ) as number;
}

function check(db: Db, input: PredictionInput): void {
  const where = `prediction for sample ${input.sampleId}`;
  if (pluckStmt(db, 'SELECT 1 FROM samples WHERE id = ?').get(input.sampleId) === undefined) {
    throw new AppError('NOT_FOUND', `${where}: no such sample`);
  }
  if (!/^[0-9a-f]{64}$/.test(input.contentHash)) {
    throw new AppError('INVALID_INPUT', `${where}: content hash is not a lowercase sha256 hex digest`);
  }
  if (!input.modelPack.name.trim() || !input.modelPack.version.trim()) {
    throw new AppError('INVALID_INPUT', `${where}: the model pack needs a name and a version`);
  }
  const scores = [input.score, ...input.regions.map((r) => r.score)];
  if (scores.some((s) => s !== null && !Number.isFinite(s))) {
    throw new AppError('INVALID_INPUT', `${where}: scores must be finite numbers`);
  }
}

/**
 * Stores a model's answer for one image. Immutable and unique per pack version and content:
 * inserting the same again returns the existing id and `created: false`.
 */
export function putPrediction(
  db: Db,
  input: PredictionInput,
): { id: number; created: boolean; packRowId: number } {
  return db.transaction(() => {
    check(db, input);
    const pack = packId(db, input.modelPack);
    const existing = pluckStmt(
      db,
      'SELECT id FROM predictions WHERE model_pack_id = ? AND content_hash = ?',
    ).get(pack, input.contentHash) as number | undefined;
    if (existing !== undefined) return { id: existing, created: false, packRowId: pack };
    const id = Number(
      stmt(
        db,
        `INSERT INTO predictions (sample_id, model_pack_id, content_hash, score, verdict, anomaly_map_path, answers, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.sampleId,
        pack,
        input.contentHash,
        input.score,
        input.verdict,
        input.anomalyMapPath,
        toJson(normaliseTexts(input.texts)),
        nowIso(),
      ).lastInsertRowid,
    );
    const insert = stmt(
      db,
      `INSERT INTO prediction_regions (prediction_id, defect_type_id, label, score, kind, x, y, w, h, geometry, rle)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    input.regions.forEach((region, index) => {
      const c = shapeToColumns(region.shape, `prediction for sample ${input.sampleId}: region ${index + 1}`);
      // A model's class names join the taxonomy only when a person confirms one (see review).
      const typeId = region.defectType === null ? null : (findDefectType(db, region.defectType)?.id ?? null);
      insert.run(id, typeId, region.defectType, region.score, c.kind, c.x, c.y, c.w, c.h, c.geometry, c.rle);
    });
    return { id, created: true, packRowId: pack };
  })();
}

type PredictionRow = {
  id: number;
  score: number | null;
  verdict: Verdict | null;
  anomaly_map_path: string | null;
  answers: string;
  created_at: string;
  name: string;
  version: string;
  kind: string;
  manifest: string;
  category: string | null;
};
type PredictedRegionRow = ShapeColumns & { id: number; defect_type: string | null; score: number | null };

function predictedRegions(db: Db, predictionId: number): PredictionView['regions'] {
  const rows = stmt(
    db,
    `SELECT pr.id, coalesce(d.name, pr.label) AS defect_type, pr.score, pr.kind, pr.x, pr.y, pr.w, pr.h,
            pr.geometry, pr.rle
       FROM prediction_regions pr LEFT JOIN defect_types d ON d.id = pr.defect_type_id
      WHERE pr.prediction_id = ? ORDER BY pr.id`,
  ).all(predictionId) as PredictedRegionRow[];
  return rows.map((row) => ({
    id: asPredictionRegionId(row.id),
    defectType: row.defect_type,
    score: row.score,
    shape: columnsToShape(row),
  }));
}

/** The newest prediction for the bytes the sample has now, of the pack under review or any (null when none). */
export function latestPrediction(db: Db, sampleId: number): PredictionView | null {
  const pack = reviewPackRow(db);
  const row = stmt(
    db,
    `SELECT p.id, p.score, p.verdict, p.anomaly_map_path, p.answers, p.created_at, m.name, m.version, m.kind,
            m.manifest, s.category
       FROM samples s
       JOIN predictions p ON p.content_hash = s.content_hash
       JOIN model_packs m ON m.id = p.model_pack_id
      WHERE s.id = ? AND (? IS NULL OR p.model_pack_id = ?)
      ORDER BY p.id DESC LIMIT 1`,
  ).get(sampleId, pack, pack) as PredictionRow | undefined;
  if (!row) return null;
  return {
    id: asPredictionId(row.id),
    modelPack: { name: row.name, version: row.version, kind: row.kind },
    score: row.score,
    verdict: row.verdict,
    threshold: verdictThreshold(row.manifest, row.category),
    anomalyMapPath: row.anomaly_map_path,
    createdAt: row.created_at,
    regions: predictedRegions(db, row.id),
    texts: normaliseTexts(fromJson(row.answers) as Texts),
  };
}

export type PredictedRegion = {
  id: number;
  predictionId: number;
  contentHash: string;
  defectType: string | null;
  shape: Shape;
};

export function predictedRegion(db: Db, id: number): PredictedRegion | undefined {
  const row = stmt(
    db,
    `SELECT pr.id, pr.prediction_id, p.content_hash, coalesce(d.name, pr.label) AS defect_type,
            pr.kind, pr.x, pr.y, pr.w, pr.h, pr.geometry, pr.rle
       FROM prediction_regions pr JOIN predictions p ON p.id = pr.prediction_id
       LEFT JOIN defect_types d ON d.id = pr.defect_type_id
      WHERE pr.id = ?`,
  ).get(id) as
    | (ShapeColumns & { id: number; prediction_id: number; content_hash: string; defect_type: string | null })
    | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    predictionId: row.prediction_id,
    contentHash: row.content_hash,
    defectType: row.defect_type,
    shape: columnsToShape(row),
  };
}
