import type { Bitmap, RgbImage } from '../image';
import type { Rng } from '../prng';

/** A defect-free picture of one domain, with what the defect painters need to know about it. */
export type Surface = {
  image: RgbImage;
  /** Where a defect may sit (the part, not the table under it); null: anywhere. */
  area: Bitmap | null;
  /**
   * The picture without its top layer (bare board under the copper, backing under the yarn,
   * table under the part); null when the surface has no layer that can go missing.
   */
  base: RgbImage | null;
};

export type SurfaceRenderer = (rng: Rng, width: number, height: number) => Surface;

/** Writes grey level `value` (0–255, clamped) into all three channels of pixel `p`. */
export function setGrey(image: RgbImage, p: number, value: number): void {
  const v = value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
  image.data[p * 3] = v;
  image.data[p * 3 + 1] = v;
  image.data[p * 3 + 2] = v;
}

/** Writes colour `rgb` scaled by `shade` into pixel `p`. */
export function setShaded(image: RgbImage, p: number, rgb: readonly number[], shade: number): void {
  for (let c = 0; c < 3; c++) {
    const v = rgb[c]! * shade;
    image.data[p * 3 + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
  }
}
