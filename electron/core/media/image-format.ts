import { extname } from 'node:path';

export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'tiff';

export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageFormat>> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.jpe': 'jpeg',
  '.bmp': 'bmp',
  '.dib': 'bmp',
  '.tif': 'tiff',
  '.tiff': 'tiff',
};

export const FORMAT_NAMES: Readonly<Record<ImageFormat, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  bmp: 'BMP',
  tiff: 'TIFF',
};

export function formatFromExtension(path: string): ImageFormat | null {
  return IMAGE_EXTENSIONS[extname(path).toLowerCase()] ?? null;
}

export function isImagePath(path: string): boolean {
  return formatFromExtension(path) !== null;
}

/** Formats we do not import but can name, so an error says what the file really is. */
const OTHER_SIGNATURES: ReadonlyArray<[string, (b: Uint8Array) => boolean]> = [
  ['a GIF', (b) => ascii(b, 0, 4) === 'GIF8'],
  ['a WebP', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP'],
  ['a PDF', (b) => ascii(b, 0, 5) === '%PDF-'],
  ['a ZIP archive', (b) => ascii(b, 0, 4) === 'PK\x03\x04'],
  ['JSON', (b) => /^\s*[{[]/.test(ascii(b, 0, 8))],
  ['XML or HTML', (b) => /^\s*</.test(ascii(b, 0, 8))],
];

/** The real format from the first bytes, whatever the extension says. */
export function sniffFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 8 && ascii(head, 1, 3) === 'PNG' && head[0] === 0x89 && head[4] === 0x0d) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 14 && ascii(head, 0, 2) === 'BM') return 'bmp';
  if (head.length >= 4 && (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*')) return 'tiff';
  return null;
}

/** "starts like a GIF" or the first bytes in hex, for error messages about non-images. */
export function describeHead(head: Uint8Array): string {
  const known = OTHER_SIGNATURES.find(([, test]) => test(head));
  if (known) return `starts like ${known[0]}`;
  if (head.length > 0 && head.every((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127))) {
    return `starts with text "${ascii(head, 0, Math.min(head.length, 12))}"`;
  }
  return `starts with bytes ${Array.from(head.subarray(0, 8), (c) => c.toString(16).padStart(2, '0')).join(' ')}`;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
