import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { MaskShape, Shape, Split, Verdict } from '../../../electron/contract';
import { maskShapeFromBitmap } from '../../../electron/core/geometry/rle';
import { ProjectStore } from '../../../electron/core/store';

export type GenSample = {
  name: string;
  width: number;
  height: number;
  verdict: Verdict | null;
  split?: Split | null;
  category?: string | null;
  defectTypes?: string[];
  regions: { defectType: string | null; shape: Shape }[];
};

/** A mask drawn as text: `#` is set, anything else is not; the top-left character sits at (x, y). */
export function art(x: number, y: number, rows: string[]): MaskShape {
  const w = Math.max(...rows.map((r) => r.length));
  const bitmap = new Uint8Array(w * rows.length);
  rows.forEach((row, j) => [...row].forEach((c, i) => (bitmap[j * w + i] = c === '#' ? 1 : 0)));
  const mask = maskShapeFromBitmap(bitmap, w, rows.length);
  if (!mask) throw new Error('empty art');
  return { ...mask, x: mask.x + x, y: mask.y + y };
}

/** A mask of random pixels (seeded), with holes and separate parts. */
export function noise(x: number, y: number, w: number, h: number, seed: number): MaskShape {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: h }, () =>
    Array.from({ length: w }, () => (random() < 0.55 ? '#' : '.')).join(''),
  );
  if (!rows.some((row) => row.includes('#'))) rows[0] = `#${rows[0]!.slice(1)}`;
  return art(x, y, rows);
}

/**
 * A project made directly in the store (as a labelling session would leave it): real PNG files,
 * each a different colour so content hashes pair them up after a round trip.
 */
export async function createProject(dir: string, imageDir: string, samples: GenSample[]): Promise<void> {
  const store = ProjectStore.create(dir, 'generated');
  try {
    for (const [i, sample] of samples.entries()) {
      const file = path.join(imageDir, sample.name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const background = { r: (i * 37) % 256, g: (i * 91) % 256, b: 128 };
      const bytes = await sharp({
        create: { width: sample.width, height: sample.height, channels: 3, background },
      })
        .png()
        .toBuffer();
      fs.writeFileSync(file, bytes);
      store.upsertImportedSample({
        path: file,
        relPath: sample.name,
        fileName: path.basename(file),
        contentHash: createHash('sha256').update(bytes).digest('hex'),
        fileSize: bytes.length,
        mtimeMs: fs.statSync(file).mtimeMs,
        width: sample.width,
        height: sample.height,
        bitDepth: 8,
        channels: 3,
        format: 'png',
        source: 'generated',
        domain: 'metal',
        category: sample.category === undefined ? 'plate' : sample.category,
        split: sample.split === undefined ? 'train' : sample.split,
        partId: null,
        verdict: sample.verdict,
        defectTypes: sample.defectTypes ?? [],
        regions: sample.regions,
      });
    }
  } finally {
    store.close();
  }
}
