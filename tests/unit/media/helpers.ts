import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterEach } from 'vitest';

/** The real datasets shared by the project (../shared/data next to the repository). */
export const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** Temp folders made during a test, removed after it. */
export function makeTempDirs(prefix = 'mau-media-') {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** A 16-bit grey gradient that uses only 1000..5000 of the range, like a 12-bit sensor. */
export function grey16Gradient(width: number, height: number): Uint16Array {
  const samples = new Uint16Array(width * height);
  for (let i = 0; i < samples.length; i++) samples[i] = 1000 + Math.round((4000 * i) / (samples.length - 1));
  return samples;
}

export async function write16BitPng(file: string, samples: Uint16Array, width: number, height: number) {
  await sharp(samples, { raw: { width, height, channels: 1 } })
    .toColourspace('grey16')
    .png()
    .toFile(file);
}

export async function write16BitTiff(file: string, samples: Uint16Array, width: number, height: number) {
  // sharp's default TIFF compression is JPEG, which would make it 8-bit.
  await sharp(samples, { raw: { width, height, channels: 1 } })
    .toColourspace('grey16')
    .tiff({ compression: 'lzw' })
    .toFile(file);
}

export async function writeRgbPng(file: string, width: number, height: number, colour = '#3366cc') {
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toFile(file);
}

export async function writeJpeg(file: string, width: number, height: number, colour = '#808080') {
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toFile(file);
}

/** Pixels as little-endian 16-bit samples, the layout readRawPixels returns. */
export function uint16(buffer: Buffer): Uint16Array {
  const copy = Buffer.from(buffer);
  return new Uint16Array(copy.buffer, copy.byteOffset, copy.length / 2);
}
