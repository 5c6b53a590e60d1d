import sharp from 'sharp';
import type { Brightness } from '../../mauset-qa';
import { pixelSpan, type RegionFacts } from './region-facts';

/**
 * Mean grey inside each region and in a ring around it (the region's box grown by a quarter of
 * its longer side, without any region's pixels): what "darker than its surroundings" rests on.
 * Null for a region when the image cannot be decoded at its recorded size or no ring is left.
 */
export async function regionBrightness(
  path: string,
  width: number,
  height: number,
  regions: readonly RegionFacts[],
): Promise<(Brightness | null)[]> {
  if (regions.length === 0) return [];
  const grey = await greyPixels(path, width, height);
  if (!grey) return regions.map(() => null);
  const anyRegion = new Uint8Array(width * height);
  for (const facts of regions) {
    const span = pixelSpan(facts.bbox, width, height);
    for (let y = span.y0; y < span.y1; y++)
      for (let i = y * width + span.x0; i < y * width + span.x1; i++) if (facts.bitmap[i]) anyRegion[i] = 1;
  }
  return regions.map((facts) => {
    if (facts.areaPx === 0) return null;
    const [x, y, w, h] = facts.bbox;
    const margin = Math.max(2, Math.round(Math.max(w, h) / 4));
    const [x0, y0] = [Math.max(0, Math.floor(x) - margin), Math.max(0, Math.floor(y) - margin)];
    const [x1, y1] = [
      Math.min(width, Math.ceil(x + w) + margin),
      Math.min(height, Math.ceil(y + h) + margin),
    ];
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

/** 8-bit grey pixels (16-bit images scaled down), or null when the decoded size differs. */
async function greyPixels(path: string, width: number, height: number): Promise<Uint8Array | null> {
  const { data, info } = await sharp(path).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) return null;
  if (info.channels !== 1) return null;
  if (data.length === width * height) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const wide = new Uint16Array(data.buffer, data.byteOffset, width * height);
  return Uint8Array.from(wide, (value) => value >> 8);
}
