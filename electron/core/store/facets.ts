import type { Facets, ReviewState, SampleFilter } from '../../contract/domain';
import {
  filterWhere,
  isActive,
  REVIEW_STATE_SQL,
  SAMPLE_FROM,
  SAMPLE_FROM_FACETS,
  SAMPLE_FROM_SCAN,
} from './sample-filter';
import { pluckStmt, stmt, type Db } from './sql';

type Cell = {
  verdict: string;
  split: string;
  source: string;
  category: string | null;
  reviewState: string;
  count: number;
};
type ScalarDimension = 'verdicts' | 'splits' | 'sources' | 'categories' | 'reviewStates';
type FacetCount = { value: string; count: number };

const CELL_KEY: Record<ScalarDimension, keyof Omit<Cell, 'count'>> = {
  verdicts: 'verdict',
  splits: 'split',
  sources: 'source',
  categories: 'category',
  reviewStates: 'reviewState',
};
const SCALARS = Object.keys(CELL_KEY) as ScalarDimension[];

const VERDICT_ORDER = ['OK', 'NG', 'unsure', 'none'];
const SPLIT_ORDER = ['train', 'val', 'test', 'none'];
const STATE_ORDER: ReviewState[] = ['unreviewed', 'ok', 'ng', 'corrected', 'audit', 'error'];

/**
 * Counts per (verdict, split, source, category, state) for the samples that pass the filter's
 * search and defect types: a few hundred cells at most, from one pass over the table. Every
 * scalar facet is then summed from the cells in memory instead of one scan per facet.
 * The source is chosen: left alone, the planner walks an index to save part of the grouping and
 * pays one random table lookup per row, 2–3× slower than reading the table in order. The
 * covering index is read instead of the table unless a path search needs the table's paths.
 */
function cube(db: Db, filter: SampleFilter): Cell[] {
  const where = filterWhere(filter, new Set(SCALARS));
  return stmt(
    db,
    `SELECT coalesce(l.verdict, 'none') AS verdict, coalesce(s.split, 'none') AS split, s.source, s.category,
            ${REVIEW_STATE_SQL} AS reviewState, COUNT(*) AS count
       FROM ${filter.search ? SAMPLE_FROM_SCAN : SAMPLE_FROM_FACETS} ${where.sql} GROUP BY 1, 2, 3, 4, 5`,
  ).all(...where.params) as Cell[];
}

function passes(cell: Cell, filter: SampleFilter, skip: ScalarDimension | null): boolean {
  return SCALARS.every((dimension) => {
    const values = filter[dimension] as readonly string[] | undefined;
    if (dimension === skip || !isActive(values)) return true;
    const value = cell[CELL_KEY[dimension]];
    return value !== null && values.includes(value);
  });
}

/** Nonzero values, plus chosen ones at zero so a choice can always be seen and undone. */
function finish(
  counts: Map<string, number>,
  chosen: readonly string[] | undefined,
  order?: readonly string[],
) {
  for (const value of chosen ?? []) if (!counts.has(value)) counts.set(value, 0);
  const list: FacetCount[] = [...counts].map(([value, count]) => ({ value, count }));
  const rank = (value: string) => (order ? order.indexOf(value) : -1);
  return list.sort((a, b) =>
    order ? rank(a.value) - rank(b.value) : a.value.localeCompare(b.value, 'en', { numeric: true }),
  );
}

function scalarFacet(
  cells: readonly Cell[],
  filter: SampleFilter,
  dimension: ScalarDimension,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const value = cell[CELL_KEY[dimension]];
    if (value === null || !passes(cell, filter, dimension)) continue;
    counts.set(value, (counts.get(value) ?? 0) + cell.count);
  }
  return counts;
}

function defectTypeFacet(db: Db, filter: SampleFilter): Facets['defectTypes'] {
  const where = filterWhere(filter, new Set(['defectTypes']));
  const scope = where.sql ? `WHERE sdt.sample_id IN (SELECT s.id FROM ${SAMPLE_FROM} ${where.sql})` : '';
  const rows = stmt(
    db,
    `SELECT d.name AS value, d.color, COUNT(*) AS count
       FROM sample_defect_types sdt JOIN defect_types d ON d.id = sdt.defect_type_id
       ${scope} GROUP BY d.id`,
  ).all(...where.params) as (FacetCount & { color: string })[];
  const colors = new Map(rows.map((row) => [row.value, row.color]));
  const chosen = filter.defectTypes ?? [];
  for (const name of chosen.filter((n) => !colors.has(n))) {
    const color = pluckStmt(db, 'SELECT color FROM defect_types WHERE name = ?').get(name) as
      string | undefined;
    colors.set(name, color ?? '#888888');
  }
  const counts = new Map(rows.map((row) => [row.value, row.count]));
  return finish(counts, chosen).map((facet) => ({ ...facet, color: colors.get(facet.value) ?? '#888888' }));
}

/**
 * Counts for the filter panel. Each dimension is counted with the other dimensions' choices
 * applied but not its own (disjunctive faceting): choosing "NG" still shows how many "OK" there
 * are to add, which an OR-within-a-dimension filter needs. `total` applies the whole filter.
 */
export function facets(db: Db, filter: SampleFilter): Facets {
  const cells = cube(db, filter);
  const total = cells.reduce((sum, cell) => (passes(cell, filter, null) ? sum + cell.count : sum), 0);
  return {
    total,
    projectTotal: pluckStmt(db, 'SELECT COUNT(*) FROM samples').get() as number,
    verdicts: finish(scalarFacet(cells, filter, 'verdicts'), filter.verdicts, VERDICT_ORDER),
    defectTypes: defectTypeFacet(db, filter),
    splits: finish(scalarFacet(cells, filter, 'splits'), filter.splits, SPLIT_ORDER),
    sources: finish(scalarFacet(cells, filter, 'sources'), filter.sources),
    categories: finish(scalarFacet(cells, filter, 'categories'), filter.categories),
    reviewStates: finish(scalarFacet(cells, filter, 'reviewStates'), filter.reviewStates, STATE_ORDER),
  };
}
