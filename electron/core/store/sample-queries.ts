import type { Region, SampleDetail, SampleFilter, SampleSort, SampleSummary } from '../../contract/domain';
import { asSampleId } from '../../contract/ids';
import { liveRegions } from './regions';
import { filterWhere, isActive, orderBy, REVIEW_STATE_SQL, SAMPLE_FROM } from './sample-filter';
import { jsonList, pluckStmt, stmt, type Db } from './sql';

/** Every id matching the filter, in display order: the grid virtualises over this list. */
export function sampleIds(db: Db, filter: SampleFilter, sort: SampleSort): number[] {
  const where = filterWhere(filter);
  const sql = `SELECT s.id FROM ${SAMPLE_FROM} ${where.sql} ORDER BY ${orderBy(filter, sort)}`;
  return pluckStmt(db, sql).all(...where.params) as number[];
}

/**
 * The first `limit` ids of the same order and how many match in all: a big project's grid shows
 * its first screen from these while the whole list is still being read and sent.
 */
export function sampleIdsHead(
  db: Db,
  filter: SampleFilter,
  sort: SampleSort,
  limit: number,
): { ids: number[]; total: number } {
  const where = filterWhere(filter);
  const sql = `SELECT s.id FROM ${SAMPLE_FROM} ${where.sql} ORDER BY ${orderBy(filter, sort)} LIMIT ?`;
  const ids = pluckStmt(db, sql).all(...where.params, limit) as number[];
  if (ids.length < limit) return { ids, total: ids.length };
  // SQLite keeps the LEFT JOIN in a count (one labels lookup per row, 4× slower at 100,000
  // rows) even when nothing reads it; only a verdict or review-state choice does.
  const readsLabels = isActive(filter.verdicts) || isActive(filter.reviewStates);
  const from = readsLabels ? SAMPLE_FROM : 'samples s';
  const total = pluckStmt(db, `SELECT COUNT(*) FROM ${from} ${where.sql}`).get(...where.params) as number;
  return { ids, total };
}

export function sampleCount(db: Db): number {
  return pluckStmt(db, 'SELECT COUNT(*) FROM samples').get() as number;
}

const SUMMARY_COLUMNS = `s.id, s.file_name AS fileName, s.rel_path AS relPath, s.width, s.height, s.source,
  s.category, s.split, l.verdict, ${REVIEW_STATE_SQL} AS reviewState, s.error`;

type SummaryRow = Omit<SampleSummary, 'id' | 'defectTypes' | 'regionCount'> & { id: number };

function defectTypesOf(db: Db, idList: string): Map<number, string[]> {
  const rows = stmt(
    db,
    `SELECT sdt.sample_id AS id, d.name FROM sample_defect_types sdt JOIN defect_types d ON d.id = sdt.defect_type_id
      WHERE sdt.sample_id IN (SELECT value FROM json_each(?)) ORDER BY d.name`,
  ).all(idList) as { id: number; name: string }[];
  const byId = new Map<number, string[]>();
  for (const row of rows) {
    const names = byId.get(row.id);
    if (names) names.push(row.name);
    else byId.set(row.id, [row.name]);
  }
  return byId;
}

function regionCountsOf(db: Db, idList: string): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT sample_id AS id, COUNT(*) AS n FROM regions
      WHERE sample_id IN (SELECT value FROM json_each(?)) AND deleted_revision IS NULL GROUP BY sample_id`,
  ).all(idList) as { id: number; n: number }[];
  return new Map(rows.map((row) => [row.id, row.n]));
}

function toSummary(
  row: SummaryRow,
  types: Map<number, string[]>,
  counts: Map<number, number>,
): SampleSummary {
  return {
    ...row,
    id: asSampleId(row.id),
    defectTypes: types.get(row.id) ?? [],
    regionCount: counts.get(row.id) ?? 0,
  };
}

/** Summaries for one page of the grid, in the order asked; ids that no longer exist are skipped. */
export function samplePage(db: Db, ids: readonly number[]): SampleSummary[] {
  if (ids.length === 0) return [];
  const idList = jsonList(ids);
  const rows = stmt(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${SAMPLE_FROM} WHERE s.id IN (SELECT value FROM json_each(?))`,
  ).all(idList) as SummaryRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const types = defectTypesOf(db, idList);
  const counts = regionCountsOf(db, idList);
  const page: SampleSummary[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) page.push(toSummary(row, types, counts));
  }
  return page;
}

export type DetailRow = SummaryRow & {
  path: string;
  contentHash: string | null;
  fileSize: number;
  format: string;
  bitDepth: number | null;
  channels: number | null;
  partId: string | null;
  domain: string | null;
  importedAt: string;
};

/** What serving a sample's image needs, without its labels and regions: one indexed row. */
export type SampleMediaSource = { path: string; relPath: string; contentHash: string | null };

export function sampleMediaSource(db: Db, id: number): SampleMediaSource | undefined {
  return stmt(
    db,
    'SELECT path, rel_path AS relPath, content_hash AS contentHash FROM samples WHERE id = ?',
  ).get(id) as SampleMediaSource | undefined;
}

/** The columns of a DetailRow, read from SAMPLE_FROM. */
export const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, s.path, s.content_hash AS contentHash, s.file_size AS fileSize,
  s.format, s.bit_depth AS bitDepth, s.channels, s.part_id AS partId, s.domain, s.imported_at AS importedAt`;

export function sampleDetail(db: Db, id: number): SampleDetail | undefined {
  const row = stmt(db, `SELECT ${DETAIL_COLUMNS} FROM ${SAMPLE_FROM} WHERE s.id = ?`).get(id) as
    DetailRow | undefined;
  if (!row) return undefined;
  return detailOf(row, defectTypesOf(db, jsonList([id])).get(id) ?? [], liveRegions(db, id));
}

/** A detail row with its defect types and live regions, as the contract's SampleDetail. */
export function detailOf(row: DetailRow, defectTypes: string[], regions: Region[]): SampleDetail {
  return {
    ...toSummary(row, new Map([[row.id, defectTypes]]), new Map([[row.id, regions.length]])),
    path: row.path,
    // A never-readable file has no hash or pixel format yet; the contract wants values, so
    // these are placeholders until the file is imported successfully (the error says why).
    contentHash: row.contentHash ?? '',
    fileSize: row.fileSize,
    format: row.format,
    bitDepth: row.bitDepth ?? 8,
    channels: row.channels ?? 1,
    partId: row.partId,
    domain: row.domain,
    regions,
    importedAt: row.importedAt,
  };
}
