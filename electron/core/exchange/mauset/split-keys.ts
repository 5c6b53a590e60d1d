import type { Split } from '../../../contract/domain';
import type { ProjectStore } from '../../store';
import { assignSplits, type SplitKeys } from './splits';

/** The leak-free split of every image the export goes through, from the part ids and hashes stored. */
export function exportSplits(
  store: ProjectStore,
  ids: readonly number[],
): Map<number, { split: Split; group: string }> {
  const rows = store.db
    .prepare(
      `SELECT id, CASE WHEN part_id IS NULL THEN NULL ELSE source || '/' || part_id END AS part,
              content_hash AS contentHash
         FROM samples WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SplitKeys[];
  return assignSplits(rows);
}
