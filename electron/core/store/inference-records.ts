import { fromJson, stmt, toJson, type Db } from './sql';

/**
 * Facts about how inference ran that the prediction tables have no columns for: which execution
 * provider a pack's session ended up on (and why others were passed over), and per prediction
 * the provider, calibration and region areas. Kept as meta rows (`pack-session:<id>`,
 * `prediction-run:<id>`) so no schema change is needed; written once, never edited.
 */
export type PackSessionRecord = {
  provider: string;
  fallbacks: { provider: string; reason: string }[];
  threads: number | null;
  openedAt: string;
};

export type PredictionRunRecord = {
  provider: string;
  calibrated: boolean;
  /** Source-pixel area of each region, in the order the regions were stored. */
  areas: number[];
};

function put(db: Db, key: string, value: unknown, replace: boolean): void {
  stmt(
    db,
    replace
      ? 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
      : 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  ).run(key, toJson(value));
}

function get(db: Db, key: string): unknown {
  const row = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return fromJson(row?.value);
}

export function setPackSession(db: Db, packId: number, record: PackSessionRecord): void {
  put(db, `pack-session:${packId}`, record, true);
}

export function packSession(db: Db, packId: number): PackSessionRecord | undefined {
  return get(db, `pack-session:${packId}`) as PackSessionRecord | undefined;
}

/** First write wins, like the prediction it describes. */
export function setPredictionRun(db: Db, predictionId: number, record: PredictionRunRecord): void {
  put(db, `prediction-run:${predictionId}`, record, false);
}

export function predictionRun(db: Db, predictionId: number): PredictionRunRecord | undefined {
  return get(db, `prediction-run:${predictionId}`) as PredictionRunRecord | undefined;
}
