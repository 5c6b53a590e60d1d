import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { decodePlainPng } from './plain-png';
import { srgbGreyTable } from './srgb-grey-table';

/**
 * RGB images an export reads through sharp before it starts the colour table: the table costs
 * about as much as a hundred or two library calls on small images, so a small export never
 * pays for it. It is made in the background (sharp works off this thread); images keep going
 * through sharp until it is ready.
 */
export const TABLE_AFTER = 64;

const PNG_NAME = /\.png$/i;

/** A rectangle of whole pixels, [x0, x1) × [y0, y1). */
export type PixelWindow = { x0: number; y0: number; x1: number; y1: number };

/**
 * Reads images as 8-bit grey pixels, exactly as `sharp(file).greyscale().raw()` gives them.
 * Plain 8-bit grey and RGB PNGs (most defect data sets, and every generated one) are decoded
 * with fast-png on this thread: a sharp call costs over a millisecond of fixed work even for a
 * 64 × 64 image, which on ten thousand images was most of an export. Everything else goes
 * through sharp as before.
 */
export class GreyReader {
  private rgbImages = 0;
  private table: Uint8Array | null = null;
  private making: Promise<void> | null = null;

  constructor(private readonly tableAfter = TABLE_AFTER) {}

  /**
   * The image's grey pixels, row by row, or null when its decoded size is not `width` × `height`.
   * Only the pixels inside `windows` are sure to be filled (the rest may read 0): converting
   * colour costs a table look-up per pixel, and the caller reads only around its regions.
   */
  async read(
    path: string | Buffer,
    width: number,
    height: number,
    windows: readonly PixelWindow[],
  ): Promise<Uint8Array | null> {
    // Other formats go to sharp by path, as before: no whole-file read of a large TIFF or JPEG here.
    // An image already in memory (a model asked about a buffer) goes to sharp as it is.
    if (typeof path !== 'string' || !PNG_NAME.test(path)) return sharpGrey(path, width, height);
    const bytes = await readFile(path);
    const plain = await decodePlainPng(bytes);
    if (plain) {
      if (plain.width !== width || plain.height !== height) return null;
      if (plain.channels === 1) return plain.data;
      this.startTableWhenWorthIt();
      if (this.table) return greyOf(plain.data, width, windows, this.table);
    }
    return sharpGrey(bytes, width, height);
  }

  /** Whether RGB images are now read through the colour table. */
  get hasTable(): boolean {
    return this.table !== null;
  }

  /** Resolves once the colour table is in use, or will never be (not started, or sharp failed). */
  async tableSettled(): Promise<void> {
    await this.making;
  }

  private startTableWhenWorthIt(): void {
    if (this.making || ++this.rgbImages <= this.tableAfter) return;
    // A table that could not be made leaves every image to sharp, as if it had never been tried.
    this.making = srgbGreyTable().then(
      (table) => void (this.table = table),
      () => undefined,
    );
  }
}

function greyOf(
  rgb: Uint8Array,
  width: number,
  windows: readonly PixelWindow[],
  table: Uint8Array,
): Uint8Array {
  const grey = new Uint8Array(rgb.length / 3);
  for (const { x0, y0, x1, y1 } of windows) {
    for (let y = y0; y < y1; y++) {
      for (let i = y * width + x0, at = 3 * i; i < y * width + x1; i++, at += 3) {
        const colour = ((rgb[at] as number) << 16) | ((rgb[at + 1] as number) << 8) | (rgb[at + 2] as number);
        grey[i] = table[colour] as number;
      }
    }
  }
  return grey;
}

/** 8-bit grey pixels by sharp (16-bit images scaled down), or null when the decoded size differs. */
async function sharpGrey(input: string | Buffer, width: number, height: number): Promise<Uint8Array | null> {
  const { data, info } = await sharp(input).greyscale().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) return null;
  if (info.channels !== 1) return null;
  if (data.length === width * height) return new Uint8Array(data.buffer, data.byteOffset, data.length);
  const wide = new Uint16Array(data.buffer, data.byteOffset, width * height);
  return Uint8Array.from(wide, (value) => value >> 8);
}
