import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export { SHARED_DATA, makeTempDirs } from '../media/helpers';

/** Writes files (text or bytes) under `root`, creating folders on the way. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
}

/** A small grey PNG (or JPEG, by extension) at `root/name`. */
export async function writeImage(root: string, name: string, width = 40, height = 30): Promise<void> {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const image = sharp({ create: { width, height, channels: 3, background: '#777777' } });
  const ext = path.extname(name).toLowerCase();
  await (ext === '.jpg' || ext === '.jpeg' ? image.jpeg() : image.png()).toFile(file);
}

/** A binary mask PNG with the rectangle [x, x+w) × [y, y+h) set. */
export async function writeMask(
  file: string,
  width: number,
  height: number,
  box: [number, number, number, number],
) {
  const [x, y, w, h] = box;
  const pixels = Buffer.alloc(width * height);
  for (let row = y; row < y + h; row++) pixels.fill(255, row * width + x, row * width + x + w);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toFile(file);
}

/** Rows of a dataset's manifest.csv marked fixture=1 (plain split: no quoted fields there). */
export function fixtureRows(dataset: string, shared: string): Array<Record<string, string>> {
  const [header, ...lines] = fs
    .readFileSync(path.join(shared, dataset, 'manifest.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = (header as string).split(',');
  return lines
    .map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])))
    .filter((row) => row.fixture === '1');
}
