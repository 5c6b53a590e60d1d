import type { RegionOutcome } from '../../../contract/review';
import type { ProjectStore } from '../../store';
import { predictionReviews, removedImportedRegion } from '../../store/label-edits-read';
import { correctionOf } from './correction';
import type { LineageRecord } from './record-schema';

type LabelRow = { revision: number; reviewState: string; audit: number };
type EditRow = { author: string; at: string; predictionId: number | null };
type PredictionRow = {
  name: string;
  version: string;
  score: number | null;
  verdict: 'OK' | 'NG' | 'unsure' | null;
};
type RegionRow = { origin: 'imported' | 'human'; reviewOutcome: RegionOutcome | null; linked: number };

const REVIEWED = new Set(['ok', 'ng', 'corrected']);

/** How an image's current truth came to be, from its label, its edit log and its predictions. */
export function lineageOf(store: ProjectStore, sampleId: number, verdict: 'OK' | 'NG'): LineageRecord {
  const db = store.db;
  const label = db
    .prepare('SELECT revision, review_state AS reviewState, audit FROM labels WHERE sample_id = ?')
    .get(sampleId) as LabelRow | undefined;
  const reviewed = label !== undefined && REVIEWED.has(label.reviewState);
  // The newest person's edit: its author decided the image (undo and redo are edits too).
  const edit = db
    .prepare(
      `SELECT author, at, prediction_id AS predictionId FROM revisions
        WHERE sample_id = ? AND action LIKE 'label:%' ORDER BY id DESC LIMIT 1`,
    )
    .get(sampleId) as EditRow | undefined;
  const prediction = predictionOf(store, sampleId, edit?.predictionId ?? null);
  const regions = db
    .prepare(
      `SELECT origin, review_outcome AS reviewOutcome, prediction_region_id IS NOT NULL AS linked
         FROM regions WHERE sample_id = ? AND deleted_revision IS NULL`,
    )
    .all(sampleId) as RegionRow[];
  const correction = correctionOf({
    reviewed,
    verdict,
    predictedVerdict: prediction?.verdict ?? null,
    regions: regions.map((r) => ({ ...r, linked: r.linked === 1 })),
    predictionOutcomes: [...predictionReviews(db, sampleId).values()].map((mark) => mark.outcome),
    importedRegionRemoved: removedImportedRegion(db, sampleId),
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

/** The prediction the reviewer worked from, else the newest one for the image's bytes. */
function predictionOf(
  store: ProjectStore,
  sampleId: number,
  predictionId: number | null,
): PredictionRow | null {
  const byId = `SELECT m.name, m.version, p.score, p.verdict FROM predictions p
                  JOIN model_packs m ON m.id = p.model_pack_id WHERE p.id = ?`;
  if (predictionId !== null) {
    const row = store.db.prepare(byId).get(predictionId) as PredictionRow | undefined;
    if (row) return row;
  }
  const latest = store.latestPrediction(sampleId);
  return (
    latest && {
      name: latest.modelPack.name,
      version: latest.modelPack.version,
      score: latest.score,
      verdict: latest.verdict,
    }
  );
}
