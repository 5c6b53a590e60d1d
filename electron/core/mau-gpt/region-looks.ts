import { regionBrightness } from '../exchange/mauset/brightness';
import { GreyReader } from '../exchange/mauset/grey-pixels';
import { regionFacts } from '../exchange/mauset/region-facts';
import { paintShape } from '../exchange/rasterise';
import type { PredictedRegion } from '../inference/types';
import { DESCRIBED, largestFirst, looksAnswer, type QaRegion } from '../mauset-qa';
import { regionPlaces } from './region-places';

/**
 * The predicted regions measured as the MAU-Set export measures a labelled one: size and shape from
 * the traced component (its pixel area, its box), contrast from the image's grey pixels inside the
 * outline against a ring around it. Ids are "r1", "r2", … in the prediction's order, as L3 names them.
 * Contrast is measured for the regions the L4 answer describes (the largest few): a map may list a
 * hundred regions, and each measured one takes an image-sized bitmap.
 */
export async function measuredRegions(
  source: string | Buffer,
  regions: readonly PredictedRegion[],
  width: number,
  height: number,
): Promise<QaRegion[]> {
  const measured: QaRegion[] = regionPlaces(regions, width, height).map((place, i) => {
    const [, , w, h] = place.bbox;
    // The component's own pixel count: the outline is simplified, the pixels the map marked are not.
    const areaPx = regions[i]!.areaPx;
    return {
      ...place,
      areaPct: (100 * areaPx) / (width * height),
      fillRatio: Math.min(1, areaPx / Math.max(1, Math.ceil(w) * Math.ceil(h))),
      brightness: null,
    };
  });
  if (measured.length === 0) return measured;
  const described = largestFirst(measured.map((m, index) => ({ areaPct: m.areaPct, index })))
    .slice(0, DESCRIBED)
    .map((m) => m.index);
  const occupied = new Uint8Array(width * height);
  for (const region of regions) paintShape(occupied, width, height, region.shape);
  const facts = described.map((i) => regionFacts(regions[i]!, i, width, height));
  // An image that cannot be read again leaves the contrast out, as the export does; the rest stands.
  const brightness = await regionBrightness(new GreyReader(), source, width, height, facts, occupied).catch(
    () => facts.map(() => null),
  );
  described.forEach((i, k) => (measured[i]!.brightness = brightness[k] ?? null));
  return measured;
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
