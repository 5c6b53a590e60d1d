import type { Verdict } from '../../contract/domain';
import type { Shape } from '../../contract/geometry';
import { columnsToShape, type ShapeColumns } from './region-codec';
import { predictionRun } from './inference-records';
import { reviewPackRow } from './review-pack';
import { jsonList, pluckStmt, stmt, type Db } from './sql';

/** What an inference run needs of a sample: where its bytes are and what they were at import. */
export type InferenceSample = {
  id: number;
  path: string;
  relPath: string;
  contentHash: string | null;
  fileSize: number;
  mtimeMs: number;
  error: string | null;
  /** What the image shows (e.g. "ball_screw"); MAU-GPT's questions name it. */
  category: string | null;
};

/** Samples by id, in the order asked (unknown ids are left out). */
export function inferenceSamples(db: Db, ids: readonly number[]): InferenceSample[] {
  const rows = stmt(
    db,
    `SELECT id, path, rel_path AS relPath, content_hash AS contentHash, file_size AS fileSize,
            mtime_ms AS mtimeMs, error, category
       FROM samples WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(jsonList(ids)) as InferenceSample[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Content hashes the pack version already predicted: those images are skipped on a re-run. */
export function predictedHashes(db: Db, packId: number): Set<string> {
  return new Set(
    pluckStmt(db, 'SELECT content_hash FROM predictions WHERE model_pack_id = ?').all(packId) as string[],
  );
}

export type PredictionRecord = {
  id: number;
  sampleId: number;
  packRowId: number;
  packRegistered: boolean;
  pack: { name: string; version: string; kind: string };
  contentHash: string;
  score: number | null;
  verdict: Verdict | null;
  anomalyMapPath: string | null;
  createdAt: string;
  regions: { id: number; defectType: string | null; score: number | null; shape: Shape; areaPx: number }[];
  provider: string | null;
  calibrated: boolean | null;
};

type Row = {
  id: number;
  model_pack_id: number;
  content_hash: string;
  score: number | null;
  verdict: Verdict | null;
  anomaly_map_path: string | null;
  created_at: string;
  name: string;
  version: string;
  kind: string;
  dir: string;
};

type RegionRow = ShapeColumns & { id: number; defect_type: string | null; score: number | null };

export function shapeArea(shape: Shape): number {
  if (shape.kind === 'box') return shape.w * shape.h;
  if (shape.kind === 'mask') return shape.rle.reduce((sum, run, i) => (i % 2 === 1 ? sum + run : sum), 0);
  let twice = 0;
  shape.points.forEach(([x, y], i) => {
    const [nx, ny] = shape.points[(i + 1) % shape.points.length]!;
    twice += x * ny - nx * y;
  });
  return Math.abs(twice) / 2;
}

/**
 * The newest prediction for the bytes the sample has now, of one pack row, else of the pack under
 * review, else of any: the same choice `labels:get` makes, so both views show one prediction.
 */
export function latestPredictionRecord(
  db: Db,
  sampleId: number,
  packRowId?: number,
): PredictionRecord | null {
  const pack = packRowId ?? reviewPackRow(db);
  const row = stmt(
    db,
    `SELECT p.id, p.model_pack_id, p.content_hash, p.score, p.verdict, p.anomaly_map_path, p.created_at,
            m.name, m.version, m.kind, m.dir
       FROM predictions p JOIN model_packs m ON m.id = p.model_pack_id
      WHERE p.content_hash = (SELECT content_hash FROM samples WHERE id = ?)
        AND (? IS NULL OR p.model_pack_id = ?)
      ORDER BY p.id DESC LIMIT 1`,
  ).get(sampleId, pack, pack) as Row | undefined;
  if (!row) return null;
  const regionRows = stmt(
    db,
    `SELECT pr.id, coalesce(d.name, pr.label) AS defect_type, pr.score, pr.kind, pr.x, pr.y, pr.w, pr.h,
            pr.geometry, pr.rle
       FROM prediction_regions pr LEFT JOIN defect_types d ON d.id = pr.defect_type_id
      WHERE pr.prediction_id = ? ORDER BY pr.id`,
  ).all(row.id) as RegionRow[];
  const run = predictionRun(db, row.id);
  return {
    id: row.id,
    sampleId,
    packRowId: row.model_pack_id,
    packRegistered: row.dir !== '',
    pack: { name: row.name, version: row.version, kind: row.kind },
    contentHash: row.content_hash,
    score: row.score,
    verdict: row.verdict,
    anomalyMapPath: row.anomaly_map_path,
    createdAt: row.created_at,
    regions: regionRows.map((r, i) => {
      const shape = columnsToShape(r);
      return {
        id: r.id,
        defectType: r.defect_type,
        score: r.score,
        shape,
        areaPx: run?.areas[i] ?? shapeArea(shape),
      };
    }),
    provider: run?.provider ?? null,
    calibrated: run?.calibrated ?? null,
  };
}
