import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { ProjectStore } from '../../../electron/core/store';
import { latestVersion, migrate, schemaVersion, type Migration } from '../../../electron/core/store/migrate';
import { migrations } from '../../../electron/core/store/migrations';
import { sampleInput, tempProjects } from './helpers';

const temp = tempProjects();

const EXPECTED_TABLES = [
  'categories',
  'defect_types',
  'domains',
  'exports',
  'image_roots',
  'jobs',
  'labels',
  'meta',
  'model_packs',
  'prediction_regions',
  'prediction_reviews',
  'predictions',
  'regions',
  'revisions',
  'sample_defect_types',
  'samples',
  'visual_hashes',
];

function freshDb(): Database.Database {
  const db = new Database(path.join(temp.tempDir(), 'test.sqlite'));
  db.pragma('foreign_keys = ON');
  return db;
}

describe('schema migrations', () => {
  it('builds the whole schema on an empty database, every table STRICT', () => {
    const db = freshDb();
    expect(migrate(db, migrations, 'test.sqlite')).toEqual({ from: 0, to: latestVersion(migrations) });
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`,
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    const triggers = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`)
      .pluck()
      .all();
    expect(triggers).toEqual(['predictions_immutable', 'revisions_no_delete', 'revisions_no_update']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses a project saved by a newer version of the app, and leaves it untouched', () => {
    const { store } = temp.newProject();
    store.db.pragma('user_version = 99');
    store.close();
    let error: unknown;
    try {
      ProjectStore.open(store.dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNSUPPORTED');
    expect((error as AppError).message).toMatch(
      new RegExp(
        `newer MAU Studio \\(schema version 99; this version understands up to ${migrations.length}\\)`,
      ),
    );
    const db = new Database(path.join(store.dir, 'project.sqlite'), { readonly: true });
    expect(schemaVersion(db)).toBe(99);
    db.close();
  });

  it('upgrades a project saved by the previous version without losing its samples', () => {
    // One migration ships so far; the next one will follow this path, so it is exercised with a
    // stand-in that adds a column and backfills it.
    const next: Migration = {
      version: migrations.length + 1,
      name: 'sample-notes',
      sql: `ALTER TABLE samples ADD COLUMN note TEXT NOT NULL DEFAULT '';
            UPDATE samples SET note = 'from ' || source;`,
    };
    const { store, images } = temp.newProject();
    const { id } = store.upsertImportedSample(sampleInput(path.join(images, 'a.png')));
    expect(migrate(store.db, [...migrations, next], 'project.sqlite')).toEqual({
      from: migrations.length,
      to: next.version,
    });
    expect(schemaVersion(store.db)).toBe(next.version);
    expect(store.db.prepare('SELECT note FROM samples WHERE id = ?').pluck().get(id)).toBe('from bsdata');
    expect(store.sampleDetail(id)?.relPath).toBe('images/a.png');
  });

  it('upgrades a database made by the first release (migration 1 only) to the current schema', () => {
    const db = freshDb();
    migrate(db, migrations.slice(0, 1), 'test.sqlite');
    db.prepare(`INSERT INTO meta (key, value) VALUES ('name', 'old project')`).run();
    expect(migrate(db, migrations, 'test.sqlite')).toEqual({ from: 1, to: latestVersion(migrations) });
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'name'`).pluck().get()).toBe('old project');
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
    db.close();
  });

  it('leaves the database at the last good version when a migration fails halfway', () => {
    const broken: Migration = {
      version: migrations.length + 1,
      name: 'broken',
      sql: `CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);`,
    };
    const db = freshDb();
    expect(() => migrate(db, [...migrations, broken], 'test.sqlite')).toThrow(
      new RegExp(
        `test\\.sqlite: migration ${String(migrations.length + 1).padStart(3, '0')}-broken failed: no such table: no_such_table`,
      ),
    );
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare(`SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'`).pluck().get()).toBe(0);
    db.close();
  });

  it('insists migrations are numbered 1, 2, 3 … without gaps', () => {
    const db = freshDb();
    const gap: Migration = { version: migrations.length + 2, name: 'gap', sql: 'SELECT 1' };
    expect(() => migrate(db, [...migrations, gap], 'test.sqlite')).toThrow(
      new RegExp(`expected ${migrations.length + 1}`),
    );
    db.close();
  });
});
