import { stmt, type Db } from './sql';

/** Replaces the types a sample has without a region (e.g. its dataset's defect folder). */
export function setExplicitDefectTypes(db: Db, sampleId: number, typeIds: readonly number[]): void {
  stmt(db, 'UPDATE sample_defect_types SET explicit = 0 WHERE sample_id = ?').run(sampleId);
  const mark = stmt(
    db,
    `INSERT INTO sample_defect_types (sample_id, defect_type_id, explicit) VALUES (?, ?, 1)
     ON CONFLICT (sample_id, defect_type_id) DO UPDATE SET explicit = 1`,
  );
  for (const typeId of new Set(typeIds)) mark.run(sampleId, typeId);
  dropEmpty(db, sampleId);
}

/** Recounts a sample's live regions per type; call after any region insert, retype or delete. */
export function refreshRegionDefectTypes(db: Db, sampleId: number): void {
  stmt(db, 'UPDATE sample_defect_types SET region_count = 0 WHERE sample_id = ?').run(sampleId);
  stmt(
    db,
    `INSERT INTO sample_defect_types (sample_id, defect_type_id, region_count)
     SELECT sample_id, defect_type_id, COUNT(*) FROM regions
      WHERE sample_id = ? AND deleted_revision IS NULL AND defect_type_id IS NOT NULL
      GROUP BY defect_type_id
     ON CONFLICT (sample_id, defect_type_id) DO UPDATE SET region_count = excluded.region_count`,
  ).run(sampleId);
  dropEmpty(db, sampleId);
}

function dropEmpty(db: Db, sampleId: number): void {
  stmt(db, 'DELETE FROM sample_defect_types WHERE sample_id = ? AND explicit = 0 AND region_count = 0').run(
    sampleId,
  );
}

/** The fast path for a sample that has no rows yet: one insert per type, nothing to reconcile. */
export function writeNewSampleDefectTypes(
  db: Db,
  sampleId: number,
  explicitIds: readonly number[],
  regionTypeIds: readonly (number | null)[],
): void {
  const rows = new Map<number, { explicit: number; regions: number }>();
  for (const id of explicitIds) rows.set(id, { explicit: 1, regions: 0 });
  for (const id of regionTypeIds) {
    if (id === null) continue;
    const row = rows.get(id) ?? { explicit: 0, regions: 0 };
    row.regions += 1;
    rows.set(id, row);
  }
  const insert = stmt(
    db,
    'INSERT INTO sample_defect_types (sample_id, defect_type_id, explicit, region_count) VALUES (?, ?, ?, ?)',
  );
  for (const [id, row] of rows) insert.run(sampleId, id, row.explicit, row.regions);
}
