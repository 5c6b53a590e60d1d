import type { Region } from '../../contract/domain';
import type { Shape } from '../../contract/geometry';
import { asRegionId } from '../../contract/ids';
import { columnsToShape, shapeToColumns, type ShapeColumns } from './region-codec';
import { stmt, type Db } from './sql';
import { ensureDefectType } from './taxonomy';

export type NewRegion = { defectType: string | null; shape: Shape };

/**
 * Inserts regions created by one revision and returns their defect type ids (null for
 * untyped); `where` names the sample in error messages.
 */
export function insertRegions(
  db: Db,
  sampleId: number,
  regions: readonly NewRegion[],
  origin: Region['origin'],
  revisionId: number,
  where: string,
): (number | null)[] {
  const insert = stmt(
    db,
    `INSERT INTO regions (sample_id, defect_type_id, kind, x, y, w, h, geometry, rle, origin, created_revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return regions.map((region, index) => {
    const c = shapeToColumns(region.shape, `${where}: region ${index + 1}`);
    const typeId = region.defectType === null ? null : ensureDefectType(db, region.defectType).id;
    insert.run(sampleId, typeId, c.kind, c.x, c.y, c.w, c.h, c.geometry, c.rle, origin, revisionId);
    return typeId;
  });
}

/** Marks a sample's live regions of one origin as deleted by `revisionId`; the rows stay for history. */
export function retireRegions(
  db: Db,
  sampleId: number,
  origin: Region['origin'],
  revisionId: number,
): number {
  return stmt(
    db,
    `UPDATE regions SET deleted_revision = ?
      WHERE sample_id = ? AND origin = ? AND deleted_revision IS NULL`,
  ).run(revisionId, sampleId, origin).changes;
}

type RegionRow = ShapeColumns & { id: number; origin: Region['origin']; defect_type: string | null };

export function liveRegions(db: Db, sampleId: number): Region[] {
  const rows = stmt(
    db,
    `SELECT r.id, r.kind, r.x, r.y, r.w, r.h, r.geometry, r.rle, r.origin, d.name AS defect_type
       FROM regions r LEFT JOIN defect_types d ON d.id = r.defect_type_id
      WHERE r.sample_id = ? AND r.deleted_revision IS NULL
      ORDER BY r.id`,
  ).all(sampleId) as RegionRow[];
  return rows.map((row) => ({
    id: asRegionId(row.id),
    defectType: row.defect_type,
    shape: columnsToShape(row),
    origin: row.origin,
  }));
}
