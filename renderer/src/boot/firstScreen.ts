import type { SampleFilter, SampleSort } from '../../../electron/contract/domain';
import type { SampleId } from '../../../electron/contract/ids';

/**
 * What the grid asks for first when a list is read from the top, shared by the app and the
 * boot script that sends the same calls before the app has loaded (their inputs must match).
 */

/** More ids than any screen shows tiles, around the one the grid will scroll to. */
export const FIRST_SCREEN = 160;
/**
 * A list read from the top first asks for this many ids: a few screens, answered at once, where
 * a big project's whole list takes a few hundred ms to read and send.
 */
export const HEAD_IDS = 500;

export function headIdsInput(filter: SampleFilter, sort: SampleSort) {
  return { filter, sort, limit: HEAD_IDS };
}

export function firstScreen(ids: readonly SampleId[], selected: number): readonly SampleId[] {
  const from = Math.max(0, selected - FIRST_SCREEN / 2);
  return ids.slice(from, from + FIRST_SCREEN);
}
