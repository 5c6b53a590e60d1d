/**
 * Images travel outside the API table: each transport serves them from its own URL space
 * (Electron: the `mau-media:` protocol; HTTP: `/media/`), addressed by kind and sample id. The one
 * exception is the grid's thumbnails, a screen of them per `samples:thumbs` call as data: URLs.
 * - image: a browser-displayable rendition (8-bit PNG/JPEG as stored, others converted)
 * - thumb: a small JPEG for the grid
 * - raw: uncompressed pixels for window/level and pixel readout (see RawImageHeader)
 * - heatmap: the latest prediction's anomaly map as an RGBA PNG covering the whole image at the
 *   map's own resolution (stretch it over the image): RGB a turbo colour map of the 0..1 value,
 *   alpha the value itself (×255), so a threshold hides pixels whose alpha is below it
 * - preview: a screen-sized JPEG of an 8-bit image larger than the screen (see needsPreview), shown
 *   while the full `image` still travels and decodes
 */
export const MEDIA_KINDS = ['image', 'thumb', 'raw', 'heatmap', 'preview'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export function isMediaKind(value: unknown): value is MediaKind {
  return (MEDIA_KINDS as readonly unknown[]).includes(value);
}

/** The longer side of a `preview`: about a desktop screen, what the viewer shows when fitted. */
export const PREVIEW_MAX_SIDE = 1920;

/** Only an image clearly larger than its preview has one; a smaller one is cheap to show whole. */
export function needsPreview(width: number, height: number, bitDepth: number): boolean {
  return bitDepth === 8 && Math.max(width, height) > PREVIEW_MAX_SIDE * 1.25;
}

export const MEDIA_SCHEME = 'mau-media';

/** The most thumbnails one `samples:thumbs` call returns (about 3 KiB each). */
export const THUMBS_PER_CALL = 200;

/** `raw` responses start with this fixed 16-byte little-endian header, then the pixels. */
export const RAW_HEADER_BYTES = 16;
export type RawImageHeader = { width: number; height: number; channels: number; bitDepth: 8 | 16 };

export function mediaPath(kind: MediaKind, sampleId: number, version?: string): string {
  return `${kind}/${sampleId}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

export function parseMediaPath(path: string): { kind: MediaKind; sampleId: number } | null {
  const match = /^\/?([a-z]+)\/(\d+)$/.exec(path.split('?')[0] ?? '');
  if (!match) return null;
  const kind = match[1];
  const sampleId = Number(match[2]);
  if (!isMediaKind(kind) || !Number.isSafeInteger(sampleId) || sampleId <= 0) return null;
  return { kind, sampleId };
}

export function encodeRawHeader(h: RawImageHeader): Uint8Array {
  const bytes = new Uint8Array(RAW_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, h.width, true);
  view.setUint32(4, h.height, true);
  view.setUint32(8, h.channels, true);
  view.setUint32(12, h.bitDepth, true);
  return bytes;
}

export function decodeRawHeader(buffer: ArrayBuffer): RawImageHeader {
  const view = new DataView(buffer, 0, RAW_HEADER_BYTES);
  const bitDepth = view.getUint32(12, true);
  if (bitDepth !== 8 && bitDepth !== 16) throw new Error(`raw image: unsupported bit depth ${bitDepth}`);
  return {
    width: view.getUint32(0, true),
    height: view.getUint32(4, true),
    channels: view.getUint32(8, true),
    bitDepth,
  };
}
