import { existsSync } from 'node:fs';
import type { EvaluationReport } from '../../../contract/api-evaluation';
import type { PixelHistograms } from '../metrics/pixel-histograms';
import type { ScoredRow } from '../triage';
import { readHeatmapLevels } from './heatmap-levels';
import { mapContribution } from './map-contribution';
import { truthMask } from './truth-mask';

export type PixelOutcome =
  | { kind: 'scored'; histograms: PixelHistograms }
  | { kind: keyof EvaluationReport['pixelSkippedBy']; message: string };

/** Heat maps are decoded by sharp on libuv's pool; a few in flight keep it busy without flooding memory. */
const IN_FLIGHT = 4;

/** One image's pixel contribution, or why it has none. `heatmap` is the resolved file or null. */
export async function pixelOutcome(
  row: ScoredRow,
  heatmap: string | null,
  size: number,
): Promise<PixelOutcome> {
  if (!heatmap) return { kind: 'noHeatmap', message: 'the prediction has no heat map' };
  if (row.positive && row.regions.length === 0) {
    return { kind: 'ngWithoutRegions', message: 'NG without regions: no pixel truth' };
  }
  if (!existsSync(heatmap)) {
    return {
      kind: 'heatmapUnreadable',
      message: 'heat map missing from the cache; run the model again with force',
    };
  }
  let levels: Uint8Array;
  try {
    levels = await readHeatmapLevels(heatmap, size);
  } catch (error) {
    return { kind: 'heatmapUnreadable', message: `heat map unreadable: ${(error as Error).message}` };
  }
  const shapes = row.positive ? row.regions.map((r) => r.shape) : [];
  const truth = truthMask(shapes, Math.max(1, row.width), Math.max(1, row.height), size);
  return { kind: 'scored', histograms: mapContribution(levels, truth, size, size) };
}

/** Runs `work` over the items with a few in flight, in order of completion; stops when aborted. */
export async function forEachLimited<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, lane));
}
