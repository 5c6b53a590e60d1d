import { AppError } from '../../../contract';
import type { ProjectStore } from '../../store';

/**
 * Refuses an export that would hold no truth at all: none of the images has a verdict or a
 * region (imported ground truth counts). Checked before anything is written.
 */
export function assertSomeLabel(store: ProjectStore, ids: readonly number[], format: string): void {
  const labelled = store.db
    .prepare(
      `SELECT 1 FROM samples s LEFT JOIN labels l ON l.sample_id = s.id
        WHERE s.id IN (SELECT value FROM json_each(?))
          AND (l.verdict IS NOT NULL
               OR EXISTS (SELECT 1 FROM regions r WHERE r.sample_id = s.id AND r.deleted_revision IS NULL))
        LIMIT 1`,
    )
    .get(JSON.stringify(ids));
  if (labelled !== undefined) return;
  const what =
    ids.length === 0 ? 'no image is selected' : `none of the ${ids.length} selected images has a label`;
  throw new AppError(
    'INVALID_INPUT',
    `${store.dir}: ${what} (no verdict, no region); a ${format} export is made of labels, so nothing was written. ` +
      'Import annotations or review images first.',
  );
}
