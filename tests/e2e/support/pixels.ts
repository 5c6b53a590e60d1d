import type { Locator } from 'playwright-core';
import sharp from 'sharp';

export type Rgb = [number, number, number];

/** Screenshots the element and reads one pixel at (x, y) in the element's CSS pixels. */
export async function pixelAt(element: Locator, x: number, y: number): Promise<Rgb> {
  const png = await element.screenshot({ scale: 'css' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const o = (Math.round(y) * info.width + Math.round(x)) * info.channels;
  return [data[o]!, data[o + 1]!, data[o + 2]!];
}

export function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
