import type { PredictionView, TextLevelKey } from '../../../electron/contract/review';
import { mentionsType } from '../../../electron/contract/type-mentions';

type Region = PredictionView['regions'][number];

/**
 * The predicted regions a level's answer is about, to light up on the canvas: L2 (the defect
 * type) the regions of the type(s) it names, none when it names no type a region has; every
 * other level the image's defects as a whole, i.e. all predicted regions (L3 names their place),
 * unless the model's verdict is OK: its answers then speak of a clean part, and the regions it
 * drew anyway (scores under the image threshold) are not what they are about.
 */
export function linkedRegionIds(
  level: TextLevelKey,
  answer: string | undefined,
  regions: Region[],
  verdict: PredictionView['verdict'],
): number[] {
  if (level !== '2') return verdict === 'OK' ? [] : regions.map((r) => r.id);
  const text = answer ?? '';
  return regions.filter((r) => r.defectType !== null && mentionsType(text, r.defectType)).map((r) => r.id);
}
