import type { DefectType, Taxonomy } from '../../contract/domain';
import { asDefectTypeId } from '../../contract/ids';
import { AppError } from '../../contract/result';
import { pickColor, pickHotkey } from './palette';
import { nowIso, pluckStmt, stmt, type Db } from './sql';

type DefectTypeRow = {
  id: number;
  name: string;
  category: string | null;
  color: string;
  hotkey: string | null;
  rule: string;
};

const DEFECT_TYPE_COLUMNS = 'id, name, category, color, hotkey, rule';

/** A sample may name a category without a domain; the taxonomy tree still needs a parent for it. */
export const UNSORTED_DOMAIN = 'unsorted';

function toDefectType(row: DefectTypeRow): DefectType {
  return {
    id: asDefectTypeId(row.id),
    name: row.name,
    // The contract has no "any category"; '' says the type is not tied to one product.
    category: row.category ?? '',
    color: row.color,
    hotkey: row.hotkey,
    rule: row.rule,
  };
}

function ensureDomain(db: Db, domain: string): number {
  stmt(db, 'INSERT INTO domains (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(domain);
  return pluckStmt(db, 'SELECT id FROM domains WHERE name = ?').get(domain) as number;
}

export function ensureDomainCategory(db: Db, domain: string | null, category: string | null): void {
  if (domain === null && category === null) return;
  // Imports call this once per image with the same few pairs: one read answers nearly every call.
  const known = pluckStmt(
    db,
    `SELECT 1 FROM domains d LEFT JOIN categories c ON c.domain_id = d.id AND c.name = ?
      WHERE d.name = ? AND (? IS NULL OR c.id IS NOT NULL)`,
  ).get(category, domain ?? UNSORTED_DOMAIN, category);
  if (known !== undefined) return;
  const domainId = ensureDomain(db, domain ?? UNSORTED_DOMAIN);
  if (category === null) return;
  stmt(db, 'INSERT INTO categories (domain_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
    domainId,
    category,
  );
}

export function findDefectType(db: Db, name: string): DefectType | undefined {
  const row = stmt(db, `SELECT ${DEFECT_TYPE_COLUMNS} FROM defect_types WHERE name = ?`).get(name) as
    DefectTypeRow | undefined;
  return row && toDefectType(row);
}

/**
 * Returns the type, creating it with a colour no other type has yet (while the palette lasts)
 * and the next free hotkey 1..9, so a fresh import is reviewable by keyboard at once.
 */
export function ensureDefectType(db: Db, rawName: string, category: string | null = null): DefectType {
  const name = rawName.trim();
  if (!name) throw new AppError('INVALID_INPUT', 'a defect type needs a name');
  const existing = findDefectType(db, name);
  if (existing) return existing;

  const colorRows = stmt(db, 'SELECT color, COUNT(*) AS uses FROM defect_types GROUP BY color').all() as {
    color: string;
    uses: number;
  }[];
  const hotkeys = pluckStmt(db, 'SELECT hotkey FROM defect_types WHERE hotkey IS NOT NULL').all() as string[];
  const color = pickColor(new Map(colorRows.map((row) => [row.color, row.uses])));
  const hotkey = pickHotkey(new Set(hotkeys));
  stmt(db, 'INSERT INTO defect_types (name, category, color, hotkey, created_at) VALUES (?, ?, ?, ?, ?)').run(
    name,
    category,
    color,
    hotkey,
    nowIso(),
  );
  return findDefectType(db, name) as DefectType;
}

export function taxonomy(db: Db): Taxonomy {
  const rows = stmt(
    db,
    `SELECT d.name AS domain, c.name AS category
       FROM domains d LEFT JOIN categories c ON c.domain_id = d.id
      ORDER BY d.name, c.name`,
  ).all() as { domain: string; category: string | null }[];
  const domains: Taxonomy['domains'] = [];
  for (const row of rows) {
    let last = domains.at(-1);
    if (last?.name !== row.domain) {
      last = { name: row.domain, categories: [] };
      domains.push(last);
    }
    if (row.category !== null) last.categories.push(row.category);
  }
  const types = stmt(
    db,
    `SELECT ${DEFECT_TYPE_COLUMNS} FROM defect_types ORDER BY hotkey IS NULL, hotkey, name`,
  ).all() as DefectTypeRow[];
  return { domains, defectTypes: types.map(toDefectType) };
}
