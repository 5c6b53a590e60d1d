/**
 * A BMP writer for tests only, written from the format description independently of the
 * decoder under test: 8-bit grey palette, 24-bit BGR or 32-bit BGRA with BI_BITFIELDS.
 */
export type BmpSpec = {
  width: number;
  height: number;
  bitsPerPixel: 8 | 24 | 32;
  /** Grey (8-bit), RGB (24-bit) or RGBA (32-bit) samples, row-major, top row first. */
  pixels: Uint8Array;
  topDown?: boolean;
};

export function encodeBmp(spec: BmpSpec): Buffer {
  const { width, height, bitsPerPixel, pixels } = spec;
  const bitfields = bitsPerPixel === 32;
  const infoSize = bitfields ? 108 : 40; // V4 header carries the masks, alpha included
  const paletteSize = bitsPerPixel === 8 ? 256 * 4 : 0;
  const stride = Math.ceil((width * bitsPerPixel) / 32) * 4;
  const offset = 14 + infoSize + paletteSize;
  const file = Buffer.alloc(offset + stride * height);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(offset, 10);
  file.writeUInt32LE(infoSize, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(spec.topDown ? -height : height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(bitsPerPixel, 28);
  file.writeUInt32LE(bitfields ? 3 : 0, 30);
  file.writeUInt32LE(stride * height, 34);
  if (bitfields) {
    file.writeUInt32LE(0x00ff0000, 54);
    file.writeUInt32LE(0x0000ff00, 58);
    file.writeUInt32LE(0x000000ff, 62);
    file.writeUInt32LE(0xff000000, 66);
  }
  for (let i = 0; i < paletteSize / 4; i++) file.fill(i, 14 + infoSize + i * 4, 14 + infoSize + i * 4 + 3);
  const channels = bitsPerPixel / 8;
  for (let y = 0; y < height; y++) {
    const row = offset + (spec.topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const source = (y * width + x) * channels;
      const target = row + x * channels;
      if (channels === 1) file[target] = pixels[source] as number;
      else {
        file[target] = pixels[source + 2] as number;
        file[target + 1] = pixels[source + 1] as number;
        file[target + 2] = pixels[source] as number;
        if (channels === 4) file[target + 3] = pixels[source + 3] as number;
      }
    }
  }
  return file;
}

/** Deterministic test pattern with every channel different per pixel. */
export function pattern(width: number, height: number, channels: number): Uint8Array {
  const pixels = new Uint8Array(width * height * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + Math.floor(i / channels) * 11) % 256;
  return pixels;
}
