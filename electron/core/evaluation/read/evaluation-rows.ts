import type { SampleFilter, Verdict } from '../../../contract/domain';
import type { Shape } from '../../../contract/geometry';
import { columnsToShape, type ShapeColumns } from '../../store/region-codec';
import { filterWhere, SAMPLE_FROM } from '../../store/sample-filter';
import { fromJson, jsonList, stmt, type Db } from '../../store/sql';
import { normaliseTexts } from '../../store/task-texts';

type Box = { x: number; y: number; w: number; h: number };
type Texts = Partial<Record<string, string>>;

/** The sample's own columns, as read and as handed on. */
type SampleColumns = {
  id: number;
  path: string;
  relPath: string;
  width: number;
  height: number;
  domain: string | null;
  category: string | null;
  error: string | null;
  verdict: Verdict | null;
};

/** One image as the evaluation sees it: where it is, its truth, and the pack's answer. */
export type EvaluationRow = SampleColumns & {
  /** A reviewed blind audit (of an image the model had passed). */
  audited: boolean;
  texts: Texts;
  defectTypes: string[];
  regions: { defectType: string | null; box: Box; shape: Shape }[];
  prediction: {
    score: number | null;
    verdict: Verdict | null;
    anomalyMapPath: string | null;
    texts: Texts;
    regions: { defectType: string | null; score: number | null; box: Box }[];
  } | null;
};

type SampleRow = SampleColumns & {
  audit: number | null;
  reviewState: string | null;
  texts: string | null;
};

type PredictionRow = {
  id: number;
  sampleId: number;
  score: number | null;
  verdict: Verdict | null;
  anomalyMapPath: string | null;
  answers: string;
};

/** Big id lists go to SQLite in chunks, one JSON parameter each, so the statement stays cached. */
const CHUNK = 5000;

function chunked<T>(ids: readonly number[], read: (idList: string) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...read(jsonList(ids.slice(i, i + CHUNK))));
  return out;
}

function groupBy<T extends { owner: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.owner);
    if (list) list.push(row);
    else map.set(row.owner, [row]);
  }
  return map;
}

/** Rows of `sql` (whose one parameter is a JSON id list) for all `ids`, grouped by their owner column. */
function readByOwner<T extends { owner: number }>(
  db: Db,
  ids: readonly number[],
  sql: string,
): Map<number, T[]> {
  return groupBy(chunked(ids, (idList) => stmt(db, sql).all(idList) as T[]));
}

const boxOf = ({ x, y, w, h }: Box): Box => ({ x, y, w, h });

const textsOf = (json: string | null) =>
  normaliseTexts(fromJson(json) as Record<string, unknown> | undefined);

function readPredictions(db: Db, ids: readonly number[], packRowId: number): PredictionRow[] {
  return chunked(
    ids,
    (idList) =>
      stmt(
        db,
        `SELECT p.id, s.id AS sampleId, p.score, p.verdict, p.anomaly_map_path AS anomalyMapPath, p.answers
           FROM samples s JOIN predictions p ON p.content_hash = s.content_hash AND p.model_pack_id = ?
          WHERE s.id IN (SELECT value FROM json_each(?))`,
      ).all(packRowId, idList) as PredictionRow[],
  );
}

function readPredictedRegions(db: Db, predictionIds: readonly number[]) {
  return readByOwner<{ owner: number; defectType: string | null; score: number | null } & Box>(
    db,
    predictionIds,
    `SELECT pr.prediction_id AS owner, coalesce(d.name, pr.label) AS defectType, pr.score,
            pr.x, pr.y, pr.w, pr.h
       FROM prediction_regions pr LEFT JOIN defect_types d ON d.id = pr.defect_type_id
      WHERE pr.prediction_id IN (SELECT value FROM json_each(?)) ORDER BY pr.id`,
  );
}

function readLabelRegions(db: Db, ids: readonly number[]) {
  return readByOwner<ShapeColumns & { owner: number; defectType: string | null }>(
    db,
    ids,
    `SELECT r.sample_id AS owner, d.name AS defectType, r.kind, r.x, r.y, r.w, r.h, r.geometry, r.rle
       FROM regions r LEFT JOIN defect_types d ON d.id = r.defect_type_id
      WHERE r.sample_id IN (SELECT value FROM json_each(?)) AND r.deleted_revision IS NULL
      ORDER BY r.id`,
  );
}

function readDefectTypes(db: Db, ids: readonly number[]) {
  return readByOwner<{ owner: number; name: string }>(
    db,
    ids,
    `SELECT sdt.sample_id AS owner, d.name FROM sample_defect_types sdt
       JOIN defect_types d ON d.id = sdt.defect_type_id
      WHERE sdt.sample_id IN (SELECT value FROM json_each(?)) ORDER BY d.name`,
  );
}

/**
 * Every image the filter chooses (and, given `onlyIds`, only those of them), with its current
 * label, live regions and the pack's prediction for the bytes it has now: a handful of set
 * queries, whatever the number of images.
 */
export function readEvaluationRows(
  db: Db,
  filter: SampleFilter,
  packRowId: number,
  onlyIds?: readonly number[],
): EvaluationRow[] {
  const where = filterWhere(filter);
  const chosen = stmt(
    db,
    `SELECT s.id, s.path, s.rel_path AS relPath, s.width, s.height, s.domain, s.category, s.error,
            l.verdict, l.audit, l.review_state AS reviewState, l.texts
       FROM ${SAMPLE_FROM} ${where.sql} ORDER BY s.path`,
  ).all(...where.params) as SampleRow[];
  const kept = onlyIds ? new Set(onlyIds) : null;
  const samples = kept ? chosen.filter((s) => kept.has(s.id)) : chosen;
  const ids = samples.map((s) => s.id);
  const predictions = readPredictions(db, ids, packRowId);
  const predictionOf = new Map(predictions.map((p) => [p.sampleId, p]));
  const predictedRegions = readPredictedRegions(
    db,
    predictions.map((p) => p.id),
  );
  const labelRegions = readLabelRegions(db, ids);
  const types = readDefectTypes(db, ids);

  return samples.map(({ audit, reviewState, texts, ...sample }) => {
    const p = predictionOf.get(sample.id);
    return {
      ...sample,
      audited: audit === 1 && reviewState !== null && reviewState !== 'unreviewed',
      texts: textsOf(texts),
      defectTypes: (types.get(sample.id) ?? []).map((t) => t.name),
      regions: (labelRegions.get(sample.id) ?? []).map((r) => ({
        defectType: r.defectType,
        box: boxOf(r),
        shape: columnsToShape(r),
      })),
      prediction: p
        ? {
            score: p.score,
            verdict: p.verdict,
            anomalyMapPath: p.anomalyMapPath,
            texts: textsOf(p.answers),
            regions: (predictedRegions.get(p.id) ?? []).map((r) => ({
              defectType: r.defectType,
              score: r.score,
              box: boxOf(r),
            })),
          }
        : null,
    };
  });
}
