import type { SampleFilter, SampleSort } from '../../contract/domain';
import { jsonList } from './sql';

/** Every sample query reads `samples s` with its label; a sample without a label row still shows. */
export const SAMPLE_FROM = 'samples s LEFT JOIN labels l ON l.sample_id = s.id';
/** The same, reading samples in table order (rowid lookups still allowed), for whole-table passes. */
export const SAMPLE_FROM_SCAN = 'samples s NOT INDEXED LEFT JOIN labels l ON l.sample_id = s.id';
/** A whole-table pass that needs only the columns of samples_facets (category, source, split, error). */
export const SAMPLE_FROM_FACETS =
  'samples s INDEXED BY samples_facets LEFT JOIN labels l ON l.sample_id = s.id';

/** What the queue shows: an unreadable file is 'error' whatever its review state underneath. */
export const REVIEW_STATE_SQL = `CASE WHEN s.error IS NOT NULL THEN 'error' ELSE coalesce(l.review_state, 'unreviewed') END`;

export type WhereSql = { sql: string; params: unknown[] };

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column IN list`, where the value 'none' in the list stands for NULL. */
function nullableIn(column: string, values: readonly string[], out: WhereSql): string {
  const named = values.filter((v) => v !== 'none');
  const wantsNone = named.length !== values.length;
  if (named.length === 0) return `${column} IS NULL`;
  out.params.push(jsonList(named));
  return wantsNone ? `(${column} ${IN_LIST} OR ${column} IS NULL)` : `${column} ${IN_LIST}`;
}

/** True when the filter constrains this dimension; an empty list means "any", like no list. */
export function isActive(values: readonly string[] | undefined): values is readonly string[] {
  return values !== undefined && values.length > 0;
}

/**
 * The WHERE clause for a filter: AND across dimensions, OR within one. Values always travel
 * as parameters. `omit` leaves dimensions out, for facets that count "what if I also chose …".
 */
export function filterWhere(
  filter: SampleFilter,
  omit: ReadonlySet<keyof SampleFilter> = new Set(),
): WhereSql {
  const out: WhereSql = { sql: '', params: [] };
  const conditions: string[] = [];
  const chosen = <K extends keyof SampleFilter>(key: K) => (omit.has(key) ? undefined : filter[key]);

  const verdicts = chosen('verdicts');
  if (isActive(verdicts)) conditions.push(nullableIn('l.verdict', verdicts, out));
  const splits = chosen('splits');
  if (isActive(splits)) conditions.push(nullableIn('s.split', splits, out));
  for (const [key, column] of [
    ['sources', 's.source'],
    ['categories', 's.category'],
    ['reviewStates', REVIEW_STATE_SQL],
  ] as const) {
    const values = chosen(key);
    if (!isActive(values)) continue;
    conditions.push(`${column} ${IN_LIST}`);
    out.params.push(jsonList(values));
  }
  const types = chosen('defectTypes');
  if (isActive(types)) {
    conditions.push(
      `s.id IN (SELECT sdt.sample_id FROM sample_defect_types sdt
                 WHERE sdt.defect_type_id IN (SELECT id FROM defect_types WHERE name ${IN_LIST}))`,
    );
    out.params.push(jsonList(types));
  }
  const search = chosen('search');
  if (search) {
    // LIKE is case-insensitive for ASCII in SQLite; wildcards typed by the user match literally.
    conditions.push(`s.rel_path LIKE ? ESCAPE '\\'`);
    out.params.push(`%${escapeLike(search)}%`);
  }
  out.sql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return out;
}

const ORDER_BY: Record<SampleSort, string> = {
  path: 's.path',
  imported: 's.id',
  source: 's.source, s.path',
};
/** The same orders with the index use switched off (unary +): sort the matches instead. */
const ORDER_BY_SORTING: Record<SampleSort, string> = {
  path: '+s.path',
  imported: 's.id',
  source: '+s.source, +s.path',
};

/**
 * A text search or a review-state test reads every row anyway, and no index helps it; reading
 * the rows in path-index order costs one random table lookup each (4× slower at 100,000
 * images) just to avoid sorting the matches, which are usually few.
 */
export function orderBy(filter: SampleFilter, sort: SampleSort): string {
  return filter.search || isActive(filter.reviewStates) ? ORDER_BY_SORTING[sort] : ORDER_BY[sort];
}
