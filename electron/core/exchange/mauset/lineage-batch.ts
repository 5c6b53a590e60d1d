import type { RegionOutcome } from '../../../contract/review';
import { positionOf, type QaSample } from '../../mauset-qa';
import type { ProjectStore } from '../../store';
import type { ExportEnv } from '../export-types';
import { correctionOf } from './correction';
import type { LineageRecord } from './record-schema';

/** How many images one round of queries reads: a few queries per chunk instead of six per image. */
const CHUNK = 256;
const REVIEWED = new Set(['ok', 'ng', 'corrected']);

type LabelRow = { sampleId: number; revision: number; reviewState: string; audit: number };
type EditRow = { sampleId: number; author: string; at: string; predictionId: number | null };
type PredictionRow = {
  key: number;
  predictionId: number;
  name: string;
  version: string;
  score: number | null;
  verdict: 'OK' | 'NG' | 'unsure' | null;
};
type RegionRow = {
  sampleId: number;
  origin: 'imported' | 'human';
  reviewOutcome: RegionOutcome | null;
  linked: number;
};
type PredictedRegionRow = {
  predictionId: number;
  type: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
};
type OutcomeRow = { sampleId: number; outcome: 'confirmed' | 'false_positive' | 'retyped' | 'redrawn' };

type Facts = {
  label?: LabelRow;
  edit?: EditRow;
  prediction: PredictionRow | null;
  predicted: PredictedRegionRow[];
  regions: RegionRow[];
  outcomes: OutcomeRow['outcome'][];
  importedRegionRemoved: boolean;
};

const IN = 'IN (SELECT value FROM json_each(?))';

/**
 * How each image's current truth came to be (its label, its newest edit, the prediction the
 * reviewer worked from, its regions' review outcomes), read for a chunk of the export's images
 * at a time in the order the export goes through them.
 */
export class LineageReader {
  private readonly position: Map<number, number>;
  private facts = new Map<number, Facts>();

  constructor(
    private readonly store: ProjectStore,
    private readonly ids: readonly number[],
  ) {
    this.position = new Map(ids.map((id, i) => [id, i]));
  }

  /**
   * The image's lineage, and what the prediction it came from said (for distractors), with
   * positions in the width × height image.
   */
  read(
    sampleId: number,
    verdict: 'OK' | 'NG',
    width: number,
    height: number,
  ): { lineage: LineageRecord; modelSaid: QaSample['modelSaid'] } {
    if (!this.facts.has(sampleId)) this.load(sampleId);
    const facts = this.facts.get(sampleId) as Facts;
    this.facts.delete(sampleId);
    const { prediction, predicted } = facts;
    const said =
      prediction === null
        ? undefined
        : {
            verdict: prediction.verdict === 'unsure' ? null : prediction.verdict,
            types: [...new Set(predicted.flatMap((r) => (r.type ? [r.type] : [])))],
            positions: [
              ...new Set(predicted.map((r) => positionOf(r.x + r.w / 2, r.y + r.h / 2, width, height))),
            ],
          };
    return { lineage: this.lineage(facts, verdict), modelSaid: said };
  }

  private lineage(facts: Facts, verdict: 'OK' | 'NG'): LineageRecord {
    const { label, edit, prediction } = facts;
    const reviewed = label !== undefined && REVIEWED.has(label.reviewState);
    const correction = correctionOf({
      reviewed,
      verdict,
      predictedVerdict: prediction?.verdict ?? null,
      regions: facts.regions.map((r) => ({
        origin: r.origin,
        reviewOutcome: r.reviewOutcome,
        linked: r.linked === 1,
      })),
      predictionOutcomes: facts.outcomes,
      importedRegionRemoved: facts.importedRegionRemoved,
    });
    return {
      label_revision: label?.revision ?? 0,
      reviewer: reviewed && edit ? edit.author : null,
      reviewed_at: reviewed && edit ? edit.at : null,
      correction,
      prediction: prediction && {
        model: prediction.name,
        version: prediction.version,
        score: prediction.score,
      },
      audit: label?.audit === 1,
    };
  }

  /** Reads the chunk of images that starts at `sampleId` (or that image alone, if not listed). */
  private load(sampleId: number): void {
    const at = this.position.get(sampleId);
    const chunk = at === undefined ? [sampleId] : this.ids.slice(at, at + CHUNK);
    const list = JSON.stringify(chunk);
    const db = this.store.db;
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    const labels = all<LabelRow>(
      `SELECT sample_id AS sampleId, revision, review_state AS reviewState, audit FROM labels
        WHERE sample_id ${IN}`,
      list,
    );
    // The newest person's edit: its author decided the image (undo and redo are edits too).
    const edits = all<EditRow>(
      `SELECT sample_id AS sampleId, author, at, prediction_id AS predictionId FROM revisions
        WHERE id IN (SELECT max(id) FROM revisions WHERE sample_id ${IN} AND action LIKE 'label:%'
                     GROUP BY sample_id)`,
      list,
    );
    const byEdit = new Map(
      all<PredictionRow>(
        `SELECT p.id AS key, p.id AS predictionId, m.name, m.version, p.score, p.verdict FROM predictions p
           JOIN model_packs m ON m.id = p.model_pack_id WHERE p.id ${IN}`,
        JSON.stringify(edits.map((e) => e.predictionId).filter((id) => id !== null)),
      ).map((row) => [row.key, row]),
    );
    // Else the prediction review showed: the newest, of the pack under review or of any, for
    // the bytes the image has now.
    const pack = this.store.reviewPack();
    const latest = all<PredictionRow>(
      `SELECT s.id AS key, p.id AS predictionId, m.name, m.version, p.score, p.verdict FROM samples s
         JOIN predictions p ON p.id = (SELECT p2.id FROM predictions p2
                JOIN model_packs m2 ON m2.id = p2.model_pack_id
               WHERE p2.content_hash = s.content_hash AND (? IS NULL OR p2.model_pack_id = ?)
               ORDER BY p2.id DESC LIMIT 1)
         JOIN model_packs m ON m.id = p.model_pack_id
        WHERE s.id ${IN}`,
      pack,
      pack,
      list,
    );
    const regions = all<RegionRow>(
      `SELECT sample_id AS sampleId, origin, review_outcome AS reviewOutcome,
              prediction_region_id IS NOT NULL AS linked
         FROM regions WHERE sample_id ${IN} AND deleted_revision IS NULL`,
      list,
    );
    const outcomes = all<OutcomeRow>(
      `SELECT sample_id AS sampleId, outcome FROM prediction_reviews WHERE sample_id ${IN}`,
      list,
    );
    // An imported region a person deleted: the truth changed though no live region shows it.
    const removed = all<{ sampleId: number }>(
      `SELECT DISTINCT r.sample_id AS sampleId FROM regions r
         JOIN revisions c ON c.id = r.created_revision
         JOIN revisions d ON d.id = r.deleted_revision
        WHERE r.sample_id ${IN} AND c.action NOT LIKE 'label:%' AND d.action LIKE 'label:%'`,
      list,
    );
    const facts = new Map<number, Facts>(
      chunk.map((id) => [
        id,
        { prediction: null, predicted: [], regions: [], outcomes: [], importedRegionRemoved: false } as Facts,
      ]),
    );
    const get = (id: number) => facts.get(id) as Facts;
    for (const row of labels) get(row.sampleId).label = row;
    for (const row of edits) get(row.sampleId).edit = row;
    const latestById = new Map(latest.map((row) => [row.key, row]));
    for (const id of chunk) {
      const fromEdit = get(id).edit?.predictionId;
      const reviewedOne = fromEdit === undefined || fromEdit === null ? undefined : byEdit.get(fromEdit);
      get(id).prediction = reviewedOne ?? latestById.get(id) ?? null;
    }
    const chosen = new Map(
      chunk.flatMap((id) => {
        const p = get(id).prediction;
        return p ? [[p.predictionId, id] as const] : [];
      }),
    );
    const predicted = all<PredictedRegionRow>(
      `SELECT pr.prediction_id AS predictionId, coalesce(d.name, pr.label) AS type, pr.x, pr.y, pr.w, pr.h
         FROM prediction_regions pr LEFT JOIN defect_types d ON d.id = pr.defect_type_id
        WHERE pr.prediction_id ${IN}`,
      JSON.stringify([...chosen.keys()]),
    );
    for (const row of predicted) get(chosen.get(row.predictionId) as number).predicted.push(row);
    for (const row of regions) get(row.sampleId).regions.push(row);
    for (const row of outcomes) get(row.sampleId).outcomes.push(row.outcome);
    for (const row of removed) get(row.sampleId).importedRegionRemoved = true;
    this.facts = facts;
  }
}

const readers = new WeakMap<ExportEnv, LineageReader>();

/** The export's one lineage reader, over the images it goes through. */
export function lineageReader(env: ExportEnv): LineageReader {
  let reader = readers.get(env);
  if (!reader) {
    reader = new LineageReader(env.store, env.sampleIds);
    readers.set(env, reader);
  }
  return reader;
}
