import { regionBrightness } from '../exchange/mauset/brightness';
import { GreyReader } from '../exchange/mauset/grey-pixels';
import { regionFacts } from '../exchange/mauset/region-facts';
import type { PredictedRegion } from '../inference/types';
import { looksAnswer, type QaRegion } from '../mauset-qa';

/**
 * The predicted regions measured as the MAU-Set export measures a labelled one: size and shape from
 * the traced component (its pixel area, its box), contrast from the image's grey pixels inside the
 * outline against a ring around it. Ids are "r1", "r2", … in the prediction's order, as L3 names them.
 */
export async function measuredRegions(
  source: string | Buffer,
  regions: readonly PredictedRegion[],
  width: number,
  height: number,
): Promise<QaRegion[]> {
  const facts = regions.map((region, i) => regionFacts(region, i, width, height));
  // An image that cannot be read again leaves the contrast out, as the export does; the rest stands.
  const brightness = await regionBrightness(new GreyReader(), source, width, height, facts).catch(() =>
    facts.map(() => null),
  );
  return facts.map((f, i) => {
    const [, , w, h] = f.bbox;
    // The component's own pixel count: the outline is simplified, the pixels the map marked are not.
    const areaPx = f.region.areaPx;
    return {
      id: f.id,
      type: f.region.defectType,
      areaPct: (100 * areaPx) / (width * height),
      bbox: f.bbox,
      fillRatio: Math.min(1, areaPx / Math.max(1, Math.ceil(w) * Math.ceil(h))),
      position: f.position,
      brightness: brightness[i] ?? null,
    };
  });
}

/** The export's open L4 answer for the regions a model listed (the largest four described). */
export async function looksOfRegions(
  source: string | Buffer,
  regions: readonly PredictedRegion[],
  width: number,
  height: number,
): Promise<string> {
  return looksAnswer(await measuredRegions(source, regions, width, height));
}
