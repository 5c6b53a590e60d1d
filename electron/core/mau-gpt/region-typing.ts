import { shapeBounds } from '../geometry/shape-bounds';
import type { PredictedRegion } from '../inference/types';
import { typeRegions } from './defect-types';
import { regionCropBatches } from './region-crops';
import type { MauGptRuntime } from './runtime';

/** Crops per run of the region-type head: bounds the batch tensor (S = 256: 25 MB for 32). */
const CROPS_PER_RUN = 32;

/** Per region: the listed type its logits rate highest. Mirrors region_types.typed_regions. */
export function pickListed(
  logits: readonly number[][],
  listed: readonly string[],
  labels: readonly string[],
): string[] {
  const columns = listed.map((type) => labels.indexOf(type));
  return logits.map((row) => {
    let best = 0;
    for (let i = 1; i < columns.length; i++) if (row[columns[i]!]! > row[columns[best]!]!) best = i;
    return listed[best]!;
  });
}

/**
 * Types for the regions of an image called NG. One listed type names every untyped region; with
 * several, the region-type head (where the pack has one) rates a crop around each untyped region
 * and it takes the listed type rated highest; without the head they stay untyped.
 */
export async function typeRegionsOf(
  runtime: MauGptRuntime,
  source: string | Buffer,
  regions: PredictedRegion[],
  types: readonly string[],
  label: string,
): Promise<PredictedRegion[]> {
  const head = runtime.pack.options.defectTypes;
  const untyped = regions.filter((r) => r.defectType === null);
  if (types.length < 2 || !head?.regions || untyped.length === 0) return typeRegions(regions, types);
  const picked: string[] = [];
  const bounds = untyped.map((r) => shapeBounds(r.shape));
  const { options } = runtime.pack;
  for await (const crops of regionCropBatches(source, bounds, options, head.regions, label, CROPS_PER_RUN))
    picked.push(...pickListed(await runtime.regionTypeLogits(crops), types, head.labels));
  let next = 0;
  return regions.map((r) => (r.defectType === null ? { ...r, defectType: picked[next++]! } : r));
}
