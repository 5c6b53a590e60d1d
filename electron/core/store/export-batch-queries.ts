import type { Region, SampleDetail } from '../../contract/domain';
import { asRegionId, asSampleId } from '../../contract/ids';
import type { Texts } from '../../contract/review';
import { columnsToShape, type ShapeColumns } from './region-codec';
import { REVIEW_STATE_SQL, SAMPLE_FROM } from './sample-filter';
import { jsonList, stmt, type Db } from './sql';
import { normaliseTexts } from './task-texts';

/** A sample as an export reads it: what `sampleDetail` gives, plus its texts per task level. */
export type SampleWithTexts = SampleDetail & { texts: Texts };

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

type DetailRow = {
  id: number;
  fileName: string;
  relPath: string;
  width: number;
  height: number;
  source: string;
  category: string | null;
  split: SampleDetail['split'];
  verdict: SampleDetail['verdict'];
  reviewState: SampleDetail['reviewState'];
  error: string | null;
  path: string;
  contentHash: string | null;
  fileSize: number;
  format: string;
  bitDepth: number | null;
  channels: number | null;
  partId: string | null;
  domain: string | null;
  importedAt: string;
  texts: string | null;
};

type RegionRow = ShapeColumns & {
  sampleId: number;
  id: number;
  origin: Region['origin'];
  defectType: string | null;
};

/**
 * The details and texts of many samples in four queries instead of five per sample: an export
 * of ten thousand images spent more time asking SQLite one image at a time than writing them.
 * Each value equals `sampleDetail(id)` with `texts` added; ids that no longer exist are absent.
 */
export function sampleDetailsWithTexts(db: Db, ids: readonly number[]): Map<number, SampleWithTexts> {
  const details = new Map<number, SampleWithTexts>();
  if (ids.length === 0) return details;
  const idList = jsonList(ids);
  const rows = stmt(
    db,
    `SELECT s.id, s.file_name AS fileName, s.rel_path AS relPath, s.width, s.height, s.source,
       s.category, s.split, l.verdict, ${REVIEW_STATE_SQL} AS reviewState, s.error,
       s.path, s.content_hash AS contentHash, s.file_size AS fileSize, s.format,
       s.bit_depth AS bitDepth, s.channels, s.part_id AS partId, s.domain, s.imported_at AS importedAt,
       l.texts
       FROM ${SAMPLE_FROM} WHERE s.id ${IN_LIST}`,
  ).all(idList) as DetailRow[];
  const types = groupBy(
    stmt(
      db,
      `SELECT sdt.sample_id AS sampleId, d.name FROM sample_defect_types sdt
         JOIN defect_types d ON d.id = sdt.defect_type_id
        WHERE sdt.sample_id ${IN_LIST} ORDER BY d.name`,
    ).all(idList) as { sampleId: number; name: string }[],
  );
  const regions = groupBy(
    stmt(
      db,
      `SELECT r.sample_id AS sampleId, r.id, r.kind, r.x, r.y, r.w, r.h, r.geometry, r.rle, r.origin,
              d.name AS defectType
         FROM regions r LEFT JOIN defect_types d ON d.id = r.defect_type_id
        WHERE r.sample_id ${IN_LIST} AND r.deleted_revision IS NULL
        ORDER BY r.id`,
    ).all(idList) as RegionRow[],
  );
  for (const row of rows) {
    const live = (regions.get(row.id) ?? []).map(toRegion);
    const names = (types.get(row.id) ?? []).map((type) => type.name);
    details.set(row.id, toDetail(row, names, live));
  }
  return details;
}

/** Field for field, and in the same key order, what `sampleDetail` builds from its rows. */
function toDetail(row: DetailRow, defectTypes: string[], regions: Region[]): SampleWithTexts {
  return {
    id: asSampleId(row.id),
    fileName: row.fileName,
    relPath: row.relPath,
    width: row.width,
    height: row.height,
    source: row.source,
    category: row.category,
    split: row.split,
    verdict: row.verdict,
    reviewState: row.reviewState,
    error: row.error,
    path: row.path,
    // Placeholders for a never-readable file, as sampleDetail gives (its error says why).
    contentHash: row.contentHash ?? '',
    fileSize: row.fileSize,
    format: row.format,
    bitDepth: row.bitDepth ?? 8,
    channels: row.channels ?? 1,
    partId: row.partId,
    domain: row.domain,
    importedAt: row.importedAt,
    defectTypes,
    regionCount: regions.length,
    regions,
    texts: normaliseTexts(row.texts === null ? null : (JSON.parse(row.texts) as Record<string, unknown>)),
  };
}

function toRegion(row: RegionRow): Region {
  return {
    id: asRegionId(row.id),
    defectType: row.defectType,
    shape: columnsToShape(row),
    origin: row.origin,
  };
}

function groupBy<T extends { sampleId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.sampleId);
    if (group) group.push(row);
    else groups.set(row.sampleId, [row]);
  }
  return groups;
}
