import type { PredictedRegion } from '../inference/types';
import type { DefectTypes } from './options';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The types the defect-type head lists for one image, most likely first: of the labels its
 * category may take (all labels when the image names no category), those whose sigmoid reaches
 * the threshold, else the single most likely one. Mirrors evaluate_pack.listed_types.
 *
 * None for a category the head was not trained on: it could only pick another product's types,
 * and on the demo's brushed metal it named "spurious copper, crazing, pitting and spur". The
 * reviewer types those regions (their product's types are on 1–9), or a fine-tuned decoder says L2.
 */
export function listedTypes(
  logits: readonly number[],
  head: DefectTypes,
  category: string | undefined,
): string[] {
  const own = category === undefined ? head.labels : head.byCategory[category];
  if (!own) return [];
  const allowed = new Set(own);
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
