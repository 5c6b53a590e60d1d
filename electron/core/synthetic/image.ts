/** An 8-bit RGB picture in a flat buffer; grey pictures keep R = G = B and are saved as one channel. */
export type RgbImage = {
  width: number;
  height: number;
  grey: boolean;
  data: Uint8Array;
};

/** A 0/1 bitmap of one image's size, row-major. */
export type Bitmap = Uint8Array;

export type Rgb = readonly [number, number, number];

export function newImage(width: number, height: number, grey: boolean): RgbImage {
  return { width, height, grey, data: new Uint8Array(width * height * 3) };
}

export function cloneImage(image: RgbImage): RgbImage {
  return { ...image, data: image.data.slice() };
}

export function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

/** Moves pixel `p` toward `colour` by `alpha` (0 keeps it, 1 replaces it). */
export function blendPixel(image: RgbImage, p: number, colour: Rgb, alpha: number): void {
  const d = image.data;
  const i = p * 3;
  d[i] = clampByte(d[i]! + (colour[0] - d[i]!) * alpha);
  d[i + 1] = clampByte(d[i + 1]! + (colour[1] - d[i + 1]!) * alpha);
  d[i + 2] = clampByte(d[i + 2]! + (colour[2] - d[i + 2]!) * alpha);
}

/** Luma of pixel `p` (BT.601), the brightness contrast is measured on. */
export function lumaAt(image: RgbImage, p: number): number {
  const d = image.data;
  return 0.299 * d[p * 3]! + 0.587 * d[p * 3 + 1]! + 0.114 * d[p * 3 + 2]!;
}

/** The image's mean luma over the set pixels of `bitmap`; NaN when none is set. */
export function meanLuma(image: RgbImage, bitmap: Bitmap): number {
  let sum = 0;
  let n = 0;
  for (let p = 0; p < bitmap.length; p++) {
    if (!bitmap[p]) continue;
    sum += lumaAt(image, p);
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}
