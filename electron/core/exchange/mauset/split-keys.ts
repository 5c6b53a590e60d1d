import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { thumbPathFor } from '../../media';
import { visualHashOfFile } from '../../media/visual-hash';
import type { ProjectStore } from '../../store';
import { splitGroups, type NearDuplicateStats, type SplitKeys, type SplitPlacement } from './splits';

export type ExportSplits = { placements: Map<number, SplitPlacement>; nearDuplicates: NearDuplicateStats };

/**
 * Images imported before visual hashes were stored have none: hash their thumbnails now (a few
 * milliseconds each, once per project) and keep the result. An image without a thumbnail stays
 * without, and only its part and bytes group it.
 */
async function backfillVisualHashes(
  store: ProjectStore,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const thumbDir = join(store.dir, 'cache', 'thumbs');
  const out = new Map<number, string>();
  const computed = new Map<string, string | null>();
  for (const row of store.visualHashesOf(ids)) {
    if (row.visualHash) {
      out.set(row.id, row.visualHash);
      continue;
    }
    if (!computed.has(row.contentHash)) {
      const thumb = thumbPathFor(thumbDir, row.contentHash);
      const hash = existsSync(thumb) ? await visualHashOfFile(thumb).catch(() => null) : null;
      if (hash) store.saveVisualHash(row.contentHash, hash);
      computed.set(row.contentHash, hash);
    }
    const hash = computed.get(row.contentHash);
    if (hash) out.set(row.id, hash);
  }
  return out;
}

/** The leak-free split of every image the export goes through, from the part ids and hashes stored. */
export async function exportSplits(store: ProjectStore, ids: readonly number[]): Promise<ExportSplits> {
  const visual = await backfillVisualHashes(store, ids);
  const rows = store.db
    .prepare(
      `SELECT id, CASE WHEN part_id IS NULL THEN NULL ELSE source || '/' || part_id END AS part,
              content_hash AS contentHash
         FROM samples WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as SplitKeys[];
  return splitGroups(rows.map((row) => ({ ...row, visualHash: visual.get(row.id) ?? null })));
}
