import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/result';
import { insertRevision } from './revisions';
import { insertRegions, retireRegions } from './regions';
import {
  refreshRegionDefectTypes,
  setExplicitDefectTypes,
  writeNewSampleDefectTypes,
} from './sample-defect-types';
import { nowIso, stmt, type Db } from './sql';
import { ensureDefectType, ensureDomainCategory } from './taxonomy';
import type { ImportedSampleInput, ImportStatus, SampleErrorInput, StoredSample } from './types';

const IMPORT_AUTHOR = 'import';

const STORED_COLUMNS = `id, path, rel_path AS relPath, file_name AS fileName, content_hash AS contentHash,
  file_size AS fileSize, mtime_ms AS mtimeMs, source, error`;

export function findSampleByPath(db: Db, samplePath: string): StoredSample | undefined {
  return stmt(db, `SELECT ${STORED_COLUMNS} FROM samples WHERE path = ?`).get(path.resolve(samplePath)) as
    StoredSample | undefined;
}

export function findSamplesByHash(db: Db, hash: string): StoredSample[] {
  return stmt(db, `SELECT ${STORED_COLUMNS} FROM samples WHERE content_hash = ? ORDER BY id`).all(
    hash,
  ) as StoredSample[];
}

function checkInput(input: ImportedSampleInput): void {
  if (!/^[0-9a-f]{64}$/.test(input.contentHash)) {
    throw new AppError('INVALID_INPUT', `${input.path}: content hash is not a lowercase sha256 hex digest`);
  }
}

/** The file facts and dataset placement an import refreshes, in the order of FILE_COLUMNS. */
function fileValues(input: ImportedSampleInput): unknown[] {
  return [
    input.relPath,
    input.fileName,
    input.contentHash,
    input.fileSize,
    input.mtimeMs,
    input.width,
    input.height,
    input.bitDepth,
    input.channels,
    input.format,
    input.source,
    input.domain,
    input.category,
    input.split,
    input.partId,
  ];
}
const FILE_COLUMNS = `rel_path, file_name, content_hash, file_size, mtime_ms, width, height, bit_depth, channels,
  format, source, domain, category, split, part_id`;

function defectTypeIds(db: Db, names: readonly string[]): number[] {
  return names.map((name) => ensureDefectType(db, name).id);
}

/** Writes the imported ground truth of a sample whose label nobody has touched. */
function writeImportedTruth(db: Db, sampleId: number, input: ImportedSampleInput, revisionId: number): void {
  insertRegions(db, sampleId, input.regions, 'imported', revisionId, input.path);
  setExplicitDefectTypes(db, sampleId, defectTypeIds(db, input.defectTypes));
  refreshRegionDefectTypes(db, sampleId);
}

function truthPayload(input: ImportedSampleInput): Record<string, unknown> {
  return {
    source: input.source,
    verdict: input.verdict,
    defectTypes: input.defectTypes,
    regions: input.regions.length,
  };
}

function addSample(db: Db, input: ImportedSampleInput): number {
  const now = nowIso();
  ensureDomainCategory(db, input.domain, input.category);
  const id = Number(
    stmt(
      db,
      `INSERT INTO samples (path, ${FILE_COLUMNS}, imported_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(input.path, ...fileValues(input), now, now).lastInsertRowid,
  );
  const revisionId = insertRevision(db, {
    sampleId: id,
    author: IMPORT_AUTHOR,
    action: 'import',
    payload: truthPayload(input),
  });
  stmt(
    db,
    `INSERT INTO labels (sample_id, verdict, review_state, origin, revision, updated_at)
     VALUES (?, ?, 'unreviewed', 'imported', ?, ?)`,
  ).run(id, input.verdict, revisionId, now);
  const regionTypes = insertRegions(db, id, input.regions, 'imported', revisionId, input.path);
  writeNewSampleDefectTypes(db, id, defectTypeIds(db, input.defectTypes), regionTypes);
  return id;
}

/** The file at a known path changed (or became readable again): refresh it, never touch human work. */
function updateSample(db: Db, existing: StoredSample, input: ImportedSampleInput): void {
  const now = nowIso();
  ensureDomainCategory(db, input.domain, input.category);
  const assignments = FILE_COLUMNS.split(',')
    .map((column) => `${column.trim()} = ?`)
    .join(', ');
  stmt(db, `UPDATE samples SET ${assignments}, error = NULL, updated_at = ? WHERE id = ?`).run(
    ...fileValues(input),
    now,
    existing.id,
  );
  const label = stmt(db, 'SELECT origin, review_state AS reviewState FROM labels WHERE sample_id = ?').get(
    existing.id,
  ) as { origin: 'imported' | 'human'; reviewState: string } | undefined;
  const hashChanged = existing.contentHash !== input.contentHash;
  // Confirming an imported label without editing it is human work too.
  const touched = label !== undefined && (label.origin === 'human' || label.reviewState !== 'unreviewed');
  if (touched) {
    if (!hashChanged) return;
    // The pixels under a person's regions changed: keep the work, flag it for a second look.
    const revisionId = insertRevision(db, {
      sampleId: existing.id,
      author: IMPORT_AUTHOR,
      action: 'file-changed',
      payload: { previousHash: existing.contentHash, contentHash: input.contentHash },
    });
    stmt(db, 'UPDATE labels SET audit = 1, revision = ?, updated_at = ? WHERE sample_id = ?').run(
      revisionId,
      now,
      existing.id,
    );
    return;
  }
  const revisionId = insertRevision(db, {
    sampleId: existing.id,
    author: IMPORT_AUTHOR,
    action: 'reimport',
    payload: { ...truthPayload(input), previousHash: existing.contentHash, contentHash: input.contentHash },
  });
  stmt(
    db,
    `INSERT INTO labels (sample_id, verdict, review_state, origin, revision, updated_at)
     VALUES (?, ?, 'unreviewed', 'imported', ?, ?)
     ON CONFLICT (sample_id) DO UPDATE SET verdict = excluded.verdict, revision = excluded.revision,
       updated_at = excluded.updated_at`,
  ).run(existing.id, input.verdict, revisionId, now);
  retireRegions(db, existing.id, 'imported', revisionId);
  writeImportedTruth(db, existing.id, input, revisionId);
}

/**
 * Same bytes, new place: the sample keeps its id, label, regions and history. Split, category
 * and part stay as they were, since a person may have set them; only where the file is changes.
 */
function moveSample(db: Db, moved: StoredSample, input: ImportedSampleInput): void {
  stmt(
    db,
    `UPDATE samples SET path = ?, rel_path = ?, file_name = ?, source = ?, file_size = ?, mtime_ms = ?,
       error = NULL, updated_at = ? WHERE id = ?`,
  ).run(
    input.path,
    input.relPath,
    input.fileName,
    input.source,
    input.fileSize,
    input.mtimeMs,
    nowIso(),
    moved.id,
  );
  insertRevision(db, {
    sampleId: moved.id,
    author: IMPORT_AUTHOR,
    action: 'move',
    payload: { from: moved.path, to: input.path },
  });
}

function upsert(db: Db, raw: ImportedSampleInput): { id: number; status: ImportStatus } {
  const input = { ...raw, path: path.resolve(raw.path) };
  checkInput(input);
  const existing = findSampleByPath(db, input.path);
  if (existing) {
    if (existing.contentHash === input.contentHash && existing.error === null) {
      return { id: existing.id, status: 'unchanged' };
    }
    updateSample(db, existing, input);
    return { id: existing.id, status: 'updated' };
  }
  const moved = findSamplesByHash(db, input.contentHash).find((sample) => !fs.existsSync(sample.path));
  if (moved) {
    moveSample(db, moved, input);
    return { id: moved.id, status: 'moved' };
  }
  return { id: addSample(db, input), status: 'added' };
}

const upserts = new WeakMap<
  Db,
  (db: Db, input: ImportedSampleInput) => { id: number; status: ImportStatus }
>();

/**
 * Records one imported image. Atomic on its own; inside `store.transaction` it becomes a
 * savepoint, so a batch of thousands commits (and fsyncs) once, and an image rejected midway
 * leaves nothing of itself behind while the rest of the batch stays.
 */
export function upsertImportedSample(
  db: Db,
  input: ImportedSampleInput,
): { id: number; status: ImportStatus } {
  let atomic = upserts.get(db);
  if (!atomic) {
    atomic = db.transaction(upsert);
    upserts.set(db, atomic);
  }
  return atomic(db, input);
}

/**
 * An unreadable file still gets a row, so it shows in the grid as 'error' instead of silently
 * missing. A sample that was fine before keeps all its data; only the error is set.
 */
export function recordSampleError(
  db: Db,
  input: SampleErrorInput,
  reason: string,
): { id: number; status: 'added' | 'updated' | 'unchanged' } {
  return db.transaction(() => {
    const samplePath = path.resolve(input.path);
    const existing = findSampleByPath(db, samplePath);
    const now = nowIso();
    if (existing) {
      if (existing.error === reason) return { id: existing.id, status: 'unchanged' as const };
      stmt(db, 'UPDATE samples SET error = ?, updated_at = ? WHERE id = ?').run(reason, now, existing.id);
      return { id: existing.id, status: 'updated' as const };
    }
    ensureDomainCategory(db, input.domain ?? null, input.category ?? null);
    const id = Number(
      stmt(
        db,
        `INSERT INTO samples (path, rel_path, file_name, content_hash, file_size, mtime_ms, source, domain, category,
           split, part_id, error, imported_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        samplePath,
        input.relPath,
        input.fileName ?? path.basename(samplePath),
        input.contentHash ?? null,
        input.fileSize ?? 0,
        input.mtimeMs ?? 0,
        input.source,
        input.domain ?? null,
        input.category ?? null,
        input.split ?? null,
        input.partId ?? null,
        reason,
        now,
        now,
      ).lastInsertRowid,
    );
    stmt(db, `INSERT INTO labels (sample_id, origin, updated_at) VALUES (?, 'imported', ?)`).run(id, now);
    return { id, status: 'added' as const };
  })();
}
