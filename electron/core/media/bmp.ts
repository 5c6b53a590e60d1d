/**
 * A small BMP decoder, because libvips (and so sharp) cannot read BMP. Covers what cameras and
 * Windows tools write: uncompressed 1/4/8-bit palette, 16/24/32-bit, and BI_BITFIELDS masks.
 * RLE-compressed and embedded JPEG/PNG BMPs are refused with a clear reason.
 */
export type DecodedBmp = { width: number; height: number; channels: 1 | 3 | 4; data: Buffer };
export type BmpHeader = { width: number; height: number; bitsPerPixel: number; channels: 1 | 3 | 4 };

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const MAX_PIXELS = 268_402_689; // sharp's default limitInputPixels, so both paths refuse alike

type Layout = {
  width: number;
  height: number;
  topDown: boolean;
  bpp: number;
  pixelOffset: number;
  palette: Uint8Array[] | null;
  masks: [number, number, number, number] | null;
};

/** Reads the header from the file's first bytes; `fileSize` lets it tell a cut-off file early. */
export function readBmpHeader(head: Uint8Array, fileSize: number): BmpHeader {
  const layout = parseLayout(head);
  const needed = pixelBytesNeeded(layout);
  if (fileSize < needed)
    throw new Error(`truncated BMP: pixel data needs ${needed} bytes, the file has ${fileSize}`);
  return {
    width: layout.width,
    height: layout.height,
    bitsPerPixel: layout.bpp,
    channels: channelsOf(layout),
  };
}

export function decodeBmp(bytes: Uint8Array): DecodedBmp {
  const layout = parseLayout(bytes);
  const { width, height, bpp, pixelOffset } = layout;
  const stride = strideOf(layout);
  const needed = pixelBytesNeeded(layout);
  if (bytes.length < needed) {
    throw new Error(`truncated BMP: pixel data needs ${needed} bytes, the file has ${bytes.length}`);
  }
  const channels = channelsOf(layout);
  const out = Buffer.alloc(width * height * channels);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (layout.topDown ? y : height - 1 - y) * stride;
    const target = y * width * channels;
    if (layout.palette) decodePaletteRow(bytes, row, layout, out, target, channels);
    else if (layout.masks) decodeMaskedRow(view, row, layout, out, target, channels);
    else decodeBgrRow(bytes, row, width, bpp / 8, out, target);
  }
  return { width, height, channels, data: out };
}

function strideOf(layout: Layout): number {
  return Math.floor((layout.bpp * layout.width + 31) / 32) * 4;
}

function pixelBytesNeeded(layout: Layout): number {
  const lastRow = Math.ceil((layout.bpp * layout.width) / 8);
  return layout.pixelOffset + strideOf(layout) * (layout.height - 1) + lastRow;
}

function parseLayout(bytes: Uint8Array): Layout {
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw new Error('not a BMP file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pixelOffset = view.getUint32(10, true);
  const dibSize = view.getUint32(14, true);
  if (dibSize === 12) {
    const bpp = view.getUint16(24, true);
    const layout = { width: view.getUint16(18, true), height: view.getUint16(20, true), topDown: false, bpp };
    return finish({ ...layout, pixelOffset, masks: null, palette: readPalette(bytes, 26, bpp, 0, 3) });
  }
  if (![40, 52, 56, 64, 108, 124].includes(dibSize)) throw new Error(`unknown BMP header size ${dibSize}`);
  if (bytes.length < 14 + dibSize) throw new Error('truncated BMP: header is cut off');
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bpp = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const colorsUsed = view.getUint32(46, true);
  const base = { width, height: Math.abs(rawHeight), topDown: rawHeight < 0, bpp, pixelOffset };
  if (compression === BI_RGB) {
    const palette = bpp <= 8 ? readPalette(bytes, 14 + dibSize, bpp, colorsUsed, 4) : null;
    const masks: Layout['masks'] = bpp === 16 ? [0x7c00, 0x03e0, 0x001f, 0] : null;
    return finish({ ...base, palette, masks });
  }
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    if (bpp !== 16 && bpp !== 32) throw new Error(`BMP bit fields need 16 or 32 bits per pixel, not ${bpp}`);
    // A 40-byte header keeps its masks right after it; larger headers carry them inside.
    const withAlpha = compression === BI_ALPHABITFIELDS || dibSize >= 56;
    const at = 54;
    if (bytes.length < at + (withAlpha ? 16 : 12))
      throw new Error('truncated BMP: bit field masks are cut off');
    const alpha = withAlpha ? view.getUint32(at + 12, true) : 0;
    const masks: Layout['masks'] = [
      view.getUint32(at, true),
      view.getUint32(at + 4, true),
      view.getUint32(at + 8, true),
      alpha,
    ];
    return finish({ ...base, palette: null, masks });
  }
  const names: Record<number, string> = { 1: 'RLE8', 2: 'RLE4', 4: 'embedded JPEG', 5: 'embedded PNG' };
  throw new Error(`${names[compression] ?? `compression type ${compression}`} BMP is not supported`);
}

function finish(layout: Layout): Layout {
  const { width, height, bpp } = layout;
  if (width <= 0 || height <= 0) throw new Error(`BMP size ${width}x${height} is empty`);
  if (width * height > MAX_PIXELS) throw new Error(`BMP size ${width}x${height} is too large`);
  if (![1, 4, 8, 16, 24, 32].includes(bpp))
    throw new Error(`BMP with ${bpp} bits per pixel is not supported`);
  return layout;
}

function readPalette(
  bytes: Uint8Array,
  at: number,
  bpp: number,
  used: number,
  entry: number,
): Uint8Array[] | null {
  if (bpp > 8) return null;
  const count = used > 0 && used <= 1 << bpp ? used : 1 << bpp;
  if (bytes.length < at + count * entry) throw new Error('truncated BMP: colour table is cut off');
  const palette: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const o = at + i * entry;
    palette.push(Uint8Array.of(bytes[o + 2] as number, bytes[o + 1] as number, bytes[o] as number));
  }
  return palette;
}

function channelsOf(layout: Layout): 1 | 3 | 4 {
  if (layout.palette) return layout.palette.every((c) => c[0] === c[1] && c[1] === c[2]) ? 1 : 3;
  if (layout.masks && layout.masks[3] !== 0) return 4;
  return 3;
}

function decodePaletteRow(
  bytes: Uint8Array,
  row: number,
  layout: Layout,
  out: Buffer,
  at: number,
  ch: number,
) {
  const { width, bpp } = layout;
  const palette = layout.palette as Uint8Array[];
  const perByte = 8 / bpp;
  const mask = (1 << bpp) - 1;
  for (let x = 0; x < width; x++) {
    const byte = bytes[row + Math.floor(x / perByte)] as number;
    const index = (byte >> ((perByte - 1 - (x % perByte)) * bpp)) & mask;
    // Out-of-range indices occur in sloppy files; black is what other viewers show.
    const colour = palette[index] ?? Uint8Array.of(0, 0, 0);
    if (ch === 1) out[at + x] = colour[0] as number;
    else out.set(colour, at + x * 3);
  }
}

function decodeBgrRow(bytes: Uint8Array, row: number, width: number, step: number, out: Buffer, at: number) {
  for (let x = 0; x < width; x++) {
    const o = row + x * step;
    out[at + x * 3] = bytes[o + 2] as number;
    out[at + x * 3 + 1] = bytes[o + 1] as number;
    out[at + x * 3 + 2] = bytes[o] as number;
  }
}

function decodeMaskedRow(view: DataView, row: number, layout: Layout, out: Buffer, at: number, ch: number) {
  const masks = layout.masks as number[];
  const fields = masks.slice(0, ch).map(fieldOf);
  const bytesPerPixel = layout.bpp / 8;
  for (let x = 0; x < layout.width; x++) {
    const o = row + x * bytesPerPixel;
    const value = bytesPerPixel === 4 ? view.getUint32(o, true) : view.getUint16(o, true);
    for (let c = 0; c < ch; c++) {
      const f = fields[c] as Field;
      out[at + x * ch + c] = f.max === 0 ? 0 : Math.round((((value & f.mask) >>> f.shift) * 255) / f.max);
    }
  }
}

type Field = { mask: number; shift: number; max: number };

function fieldOf(mask: number): Field {
  if (mask === 0) return { mask, shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { mask, shift, max: mask >>> shift };
}
