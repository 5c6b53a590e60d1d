import sharp from 'sharp';

/** Colours converted per call: a 1024 × 1024 slab (16 values of red), about 3 MiB in, 1 MiB out. */
const SLAB_REDS = 16;
const SLAB_SIDE = 1024;

/**
 * The grey value sharp's `greyscale()` gives every 8-bit sRGB colour, indexed by
 * `(r << 16) | (g << 8) | b` (16 MiB). Made by sharp itself, converting each colour once, so a
 * grey read through this table is the one sharp would give for that pixel: the conversion works
 * pixel by pixel (linearise, weigh, re-encode), and a table of all colours is cheaper than a
 * library call per small image once an export has a few hundred of them.
 */
export async function srgbGreyTable(): Promise<Uint8Array> {
  const table = new Uint8Array(1 << 24);
  // Green and blue run through every value in each slab; only the red bytes change between slabs.
  const slab = new Uint8Array(SLAB_SIDE * SLAB_SIDE * 3);
  for (let i = 0, at = 0; i < SLAB_SIDE * SLAB_SIDE; i++, at += 3) {
    slab[at + 1] = (i >> 8) & 0xff;
    slab[at + 2] = i & 0xff;
  }
  for (let red0 = 0; red0 < 256; red0 += SLAB_REDS) {
    for (let i = 0, at = 0; i < SLAB_SIDE * SLAB_SIDE; i++, at += 3) slab[at] = red0 + (i >> 16);
    const raw = { width: SLAB_SIDE, height: SLAB_SIDE, channels: 3 } as const;
    const { data, info } = await sharp(slab, { raw }).greyscale().raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 || data.length !== SLAB_SIDE * SLAB_SIDE)
      throw new Error(
        `sharp greyscale gave ${info.channels} channels of ${data.length} bytes for a colour slab`,
      );
    table.set(data, red0 << 16);
  }
  return table;
}
