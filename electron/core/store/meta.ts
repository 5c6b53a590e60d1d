import { stmt, type Db } from './sql';

export type MetaKey = 'name' | 'created_at' | 'app_version' | 'review_pack';

export function getMeta(db: Db, key: MetaKey): string | undefined {
  const row = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  stmt(
    db,
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function deleteMeta(db: Db, key: MetaKey): void {
  stmt(db, 'DELETE FROM meta WHERE key = ?').run(key);
}
