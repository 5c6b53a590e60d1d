import { lumaAt, type Bitmap, type RgbImage } from './image';

/** Width of the band around a defect's box that stands for "its surroundings". */
const SURROUND_MARGIN = 6;

export type MaskMeasure = {
  /** x, y, w, h in pixels, tight around the set pixels. */
  bbox: [number, number, number, number];
  areaPx: number;
  /**
   * Mean luma inside the mask minus mean luma of the unmasked pixels in a band of
   * SURROUND_MARGIN pixels around its box (within the part, where there is one); grey levels.
   */
  contrast: number;
};

/** Box, area and contrast of a non-empty mask on the finished image. */
export function measureMask(image: RgbImage, mask: Bitmap, area: Bitmap | null): MaskMeasure {
  const { width, height } = image;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  let areaPx = 0;
  let inside = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!mask[p]) continue;
      areaPx++;
      inside += lumaAt(image, p);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (areaPx === 0) throw new Error('measureMask: the mask is empty');
  let around = 0;
  let aroundCount = 0;
  for (let y = Math.max(0, y0 - SURROUND_MARGIN); y <= Math.min(height - 1, y1 + SURROUND_MARGIN); y++) {
    for (let x = Math.max(0, x0 - SURROUND_MARGIN); x <= Math.min(width - 1, x1 + SURROUND_MARGIN); x++) {
      const p = y * width + x;
      if (mask[p] || (area && !area[p])) continue;
      around += lumaAt(image, p);
      aroundCount++;
    }
  }
  const contrast = aroundCount === 0 ? 0 : inside / areaPx - around / aroundCount;
  return { bbox: [x0, y0, x1 - x0 + 1, y1 - y0 + 1], areaPx, contrast: Math.round(contrast * 10) / 10 };
}
