import type { SampleFilter } from '../../contract/domain';
import { exportSplits } from '../exchange/mauset/split-keys';
import type { ProjectStore } from '../store';

const REVIEWED_STATES = ['ok', 'ng', 'corrected'] as const;

/** The images the MAU-Set export goes through, chosen as `exportProject` chooses them. */
export function exportedIds(store: ProjectStore, filter: SampleFilter, reviewedOnly: boolean): number[] {
  if (!reviewedOnly) return store.sampleIds(filter, 'path');
  const asked = filter.reviewStates;
  const states = REVIEWED_STATES.filter((state) => !asked?.length || asked.includes(state));
  return states.length === 0 ? [] : store.sampleIds({ ...filter, reviewStates: states }, 'path');
}

/**
 * The held-out images: those the export placed in its test split. The export's own leak-free
 * split function decides, so the comparison never scores an image either pack trained on.
 */
export async function heldOutIds(store: ProjectStore, ids: readonly number[]): Promise<number[]> {
  const { placements } = await exportSplits(store, ids);
  return [...placements].filter(([, p]) => p.split === 'test').map(([id]) => id);
}
