import type { PredictedRegion } from '../inference/types';
import type { DefectTypes } from './options';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The types the defect-type head lists for one image, most likely first: of the labels its
 * category may take (all labels for a category the head was not trained on), those whose sigmoid
 * reaches the threshold, else the single most likely one. Mirrors defect_types.predicted_types.
 */
export function listedTypes(
  logits: readonly number[],
  head: DefectTypes,
  category: string | undefined,
): string[] {
  const allowed = new Set((category !== undefined && head.byCategory[category]) || head.labels);
  const ranked = head.labels
    .map((label, i) => ({ label, p: sigmoid(logits[i]!) }))
    .filter((t) => allowed.has(t.label))
    .sort((a, b) => b.p - a.p);
  const above = ranked.filter((t) => t.p >= head.threshold).map((t) => t.label);
  return above.length > 0 ? above : ranked.slice(0, 1).map((t) => t.label);
}

/**
 * With one listed type every untyped region takes it, so a reviewer confirms them with one key;
 * with several the head cannot say which region is which, and they stay untyped.
 */
export function typeRegions(regions: PredictedRegion[], types: readonly string[]): PredictedRegion[] {
  if (types.length !== 1) return regions;
  const [type] = types;
  return regions.map((region) => (region.defectType === null ? { ...region, defectType: type! } : region));
}
