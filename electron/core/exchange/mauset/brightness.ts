import type { Shape } from '../../../contract';
import type { Brightness } from '../../mauset-qa';
import type { GreyReader, PixelWindow } from './grey-pixels';
import { pixelSpan, type RegionFacts } from './region-facts';

/**
 * Mean grey inside each region and in a ring around it (the region's box grown by a quarter of
 * its longer side, without any region's pixels): what "darker than its surroundings" rests on.
 * Null for a region when the image cannot be decoded at its recorded size or no ring is left.
 * `occupied` (1 where any region is) stands for the regions' union where more regions are on the
 * image than are measured.
 */
export async function regionBrightness(
  reader: GreyReader,
  path: string | Buffer,
  width: number,
  height: number,
  regions: readonly Pick<RegionFacts<{ shape: Shape }>, 'bbox' | 'bitmap' | 'areaPx'>[],
  occupied?: Uint8Array,
): Promise<(Brightness | null)[]> {
  if (regions.length === 0) return [];
  const windows = regions.map((facts) => ringWindow(facts, width, height));
  const grey = await reader.read(path, width, height, windows);
  if (!grey) return regions.map(() => null);
  const anyRegion = occupied ?? unionOf(regions, width, height);
  return regions.map((facts, r) => {
    if (facts.areaPx === 0) return null;
    const { x0, y0, x1, y1 } = windows[r] as PixelWindow;
    let [inside, inCount, ring, ringCount] = [0, 0, 0, 0];
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) {
        const i = row * width + col;
        const value = grey[i] as number;
        if (facts.bitmap[i]) [inside, inCount] = [inside + value, inCount + 1];
        else if (!anyRegion[i]) [ring, ringCount] = [ring + value, ringCount + 1];
      }
    }
    if (inCount === 0 || ringCount === 0) return null;
    return { region: inside / inCount, surround: ring / ringCount };
  });
}

/** 1 wherever one of the regions is: the pixels no ring may count as surroundings. */
function unionOf(
  regions: readonly Pick<RegionFacts, 'bbox' | 'bitmap'>[],
  width: number,
  height: number,
): Uint8Array {
  const union = new Uint8Array(width * height);
  for (const facts of regions) {
    const span = pixelSpan(facts.bbox, width, height);
    for (let y = span.y0; y < span.y1; y++)
      for (let i = y * width + span.x0; i < y * width + span.x1; i++) if (facts.bitmap[i]) union[i] = 1;
  }
  return union;
}

/** The pixels a region's means are taken over: its box grown by a quarter of its longer side. */
function ringWindow(facts: Pick<RegionFacts, 'bbox'>, width: number, height: number): PixelWindow {
  const [x, y, w, h] = facts.bbox;
  const margin = Math.max(2, Math.round(Math.max(w, h) / 4));
  return {
    x0: Math.max(0, Math.floor(x) - margin),
    y0: Math.max(0, Math.floor(y) - margin),
    x1: Math.min(width, Math.ceil(x + w) + margin),
    y1: Math.min(height, Math.ceil(y + h) + margin),
  };
}
