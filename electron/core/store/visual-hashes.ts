import type { Db } from './sql';

export type VisualHashRow = { id: number; contentHash: string; visualHash: string | null };

export function saveVisualHash(db: Db, contentHash: string, hash: string): void {
  db.prepare('INSERT OR REPLACE INTO visual_hashes (content_hash, hash) VALUES (?, ?)').run(
    contentHash,
    hash,
  );
}

/** The visual hash of each of the samples (null where none is stored yet). */
export function visualHashesOf(db: Db, ids: readonly number[]): VisualHashRow[] {
  return db
    .prepare(
      `SELECT s.id, s.content_hash AS contentHash, v.hash AS visualHash
         FROM samples s LEFT JOIN visual_hashes v ON v.content_hash = s.content_hash
        WHERE s.id IN (SELECT value FROM json_each(?)) AND s.content_hash IS NOT NULL`,
    )
    .all(JSON.stringify(ids)) as VisualHashRow[];
}
