import { AppError } from '../../contract/result';
import type { Db } from './sql';

export type Migration = { version: number; name: string; sql: string };

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}

/**
 * Brings the database up to the newest migration, each one in its own transaction together with
 * its PRAGMA user_version bump, so a failure leaves the file at the last complete version.
 * A file from a newer app is refused: guessing at an unknown schema could corrupt someone's work.
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  file: string,
): { from: number; to: number } {
  checkSequence(migrations);
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new AppError(
      'UNSUPPORTED',
      `${file}: the project was saved by a newer MAU Studio (schema version ${from}; this version understands up to ${latest}). Update MAU Studio to open it.`,
    );
  }
  for (const migration of migrations.slice(from)) {
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        // PRAGMA does not take bound parameters; version is a checked integer.
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'INTERNAL',
        `${file}: migration ${String(migration.version).padStart(3, '0')}-${migration.name} failed: ${reason}`,
      );
    }
  }
  return { from, to: latest };
}
