import { AppError } from '../../contract/result';
import { fromJson, nowIso, pluckStmt, stmt, toJson, type Db } from './sql';

/**
 * A model pack row. Predictions point at it and cascade on delete, so a pack is never deleted:
 * "removed" empties its folder, which is also how a pack known only through imported prediction
 * files looks (see predictions.ts). Registered means: has a folder.
 */
export type PackRecord = {
  id: number;
  name: string;
  version: string;
  kind: string;
  dir: string;
  manifest: unknown;
  /** Digest of the parsed manifest (which lists every file's sha256): the pack's identity. */
  digest: string;
  addedAt: string;
};

export type PackRegistration = Omit<PackRecord, 'id' | 'addedAt'>;

type Row = {
  id: number;
  name: string;
  version: string;
  kind: string;
  dir: string;
  manifest: string;
  sha256: string;
  added_at: string;
};

const COLUMNS = 'id, name, version, kind, dir, manifest, sha256, added_at';

function toRecord(row: Row): PackRecord {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    kind: row.kind,
    dir: row.dir,
    manifest: fromJson(row.manifest),
    digest: row.sha256,
    addedAt: row.added_at,
  };
}

export function packRecord(db: Db, id: number): PackRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM model_packs WHERE id = ?`).get(id) as Row | undefined;
  return row && toRecord(row);
}

export function registeredPacks(db: Db): PackRecord[] {
  const rows = stmt(
    db,
    `SELECT ${COLUMNS} FROM model_packs WHERE dir <> '' ORDER BY name, version, id`,
  ).all() as Row[];
  return rows.map(toRecord);
}

export function packPredictionCount(db: Db, id: number): number {
  return pluckStmt(db, 'SELECT count(*) FROM predictions WHERE model_pack_id = ?').get(id) as number;
}

/**
 * Registers a pack, or finds it registered. Name and version identify a pack version (that is
 * what predictions are tied to), so the same name and version with other files is refused while
 * anything depends on the old ones: silently swapping them would mislabel every prediction.
 */
export function registerPack(db: Db, input: PackRegistration): { id: number; created: boolean } {
  return db.transaction(() => {
    const row = stmt(db, `SELECT ${COLUMNS} FROM model_packs WHERE name = ? AND version = ?`).get(
      input.name,
      input.version,
    ) as Row | undefined;
    const fields = [input.kind, input.dir, toJson(input.manifest), input.digest];
    if (!row) {
      const id = stmt(
        db,
        `INSERT INTO model_packs (kind, dir, manifest, sha256, name, version, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(...fields, input.name, input.version, nowIso()).lastInsertRowid;
      return { id: Number(id), created: true };
    }
    const label = `model pack ${input.name} ${input.version}`;
    // a row with an empty digest was made for imported predictions: it has no files to differ from
    if (row.sha256 !== '' && row.sha256 !== input.digest) {
      if (row.dir !== '') {
        throw new AppError(
          'CONFLICT',
          `${label} is already registered from ${row.dir} with different files; give the new pack another version`,
        );
      }
      if (packPredictionCount(db, row.id) > 0) {
        throw new AppError(
          'CONFLICT',
          `${label}: the project holds predictions made by a pack of that name and version with different files; give the new pack another version`,
        );
      }
    }
    const same = row.dir === input.dir && row.sha256 === input.digest;
    if (!same)
      stmt(db, 'UPDATE model_packs SET kind = ?, dir = ?, manifest = ?, sha256 = ? WHERE id = ?').run(
        ...fields,
        row.id,
      );
    return { id: row.id, created: row.dir === '' };
  })();
}

/** Forgets the pack's folder; its predictions stay. Returns how many it has. */
export function unregisterPack(db: Db, id: number): number {
  return db.transaction(() => {
    const record = packRecord(db, id);
    if (!record || record.dir === '') throw new AppError('NOT_FOUND', `no registered model pack pack:${id}`);
    stmt(db, "UPDATE model_packs SET dir = '' WHERE id = ?").run(id);
    return packPredictionCount(db, id);
  })();
}
