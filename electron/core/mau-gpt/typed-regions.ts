import { mentionsType } from '../../contract/type-mentions';
import type { PredictedRegion } from '../inference/types';

/**
 * The anomaly map says where, not what: its regions come untyped. When MAU-GPT's L2 answer names
 * exactly one of the pack's labels ("It is pitting."), that is the model's type for the image, and
 * its untyped regions take it, so a reviewer confirms them with one key instead of typing each.
 * An answer naming none, or several ("There are 2 defect types: …"), leaves them untyped.
 */
export function typeRegionsByAnswer(
  regions: PredictedRegion[],
  typeAnswer: string | undefined,
  labels: readonly string[],
): PredictedRegion[] {
  if (!typeAnswer) return regions;
  const named = labels.filter((label) => mentionsType(typeAnswer, label));
  if (named.length !== 1) return regions;
  const [type] = named;
  return regions.map((region) => (region.defectType === null ? { ...region, defectType: type! } : region));
}
