import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Geometry } from '../../../electron/core/inference/processing/geometry';
import type { TensorData } from '../../../electron/core/inference/session/tensor-data';

export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const TEST_MODELS = join(REPO, 'models/test-models');
export const REFERENCE = join(TEST_MODELS, 'reference');
/** The real datasets live beside the repository (see /work/shared/data/README.md). */
export const SHARED_DATA = process.env.MAU_SHARED_DATA ?? resolve(REPO, '../shared/data');
export const HAVE_DATA = existsSync(join(SHARED_DATA, 'neu-det/manifest.csv'));

export const PACKS = [
  'anomalib-v2',
  'anomalib-v2-raw',
  'anomalib-v1',
  'anomalib-v1-score',
  'yolo-detect-raw',
  'yolo-detect-nms',
  'yolo-segment-nms',
  'yolo-segment-raw',
] as const;

export type RefOutput = { file: string; dims: number[]; dtype: 'float32' | 'bool' };
export type AnomalyExpected = {
  score: number;
  verdict: 'OK' | 'NG';
  calibrated: boolean;
  mapWidth: number;
  mapHeight: number;
  components: { bbox: [number, number, number, number]; pixels: number; max: number }[];
};
export type YoloExpected = {
  detections: { box: number[]; inputBox: number[]; score: number; class: number; maskPixels?: number }[];
};
export type RefCase = {
  name: string;
  image: string;
  inputPng: string;
  transform: Geometry;
  outputs: Record<string, RefOutput>;
  expected: AnomalyExpected | YoloExpected;
};
export type Reference = { pack: string; cases: RefCase[]; outputNames?: string[] };

export async function readReference(pack: string): Promise<Reference> {
  return JSON.parse(await readFile(join(REFERENCE, `${pack}.json`), 'utf8')) as Reference;
}

export async function readRefOutput(out: RefOutput): Promise<TensorData> {
  const bytes = await readFile(join(REFERENCE, out.file));
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return out.dtype === 'bool'
    ? { type: 'bool', dims: out.dims, data: new Uint8Array(copy) }
    : { type: 'float32', dims: out.dims, data: new Float32Array(copy) };
}

export function maxAbsError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** A scratch copy of a test pack (or any folder) that a test may break. */
export async function scratchCopy(source: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'mau-inference-'));
  const dir = join(root, 'pack');
  await cp(source, dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export async function scratchDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mau-inference-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Image paths of a dataset's fixture rows (manifest.csv, fixture=1). */
export async function fixtureImages(dataset: string, label?: 'normal' | 'defect'): Promise<string[]> {
  const [header, ...rows] = (await readFile(join(SHARED_DATA, dataset, 'manifest.csv'), 'utf8'))
    .trim()
    .split('\n');
  const columns = header!.split(',');
  const at = (row: string[], name: string) => row[columns.indexOf(name)];
  return rows
    .map((line) => line.split(','))
    .filter((row) => at(row, 'fixture') === '1' && (!label || at(row, 'label') === label))
    .map((row) => join(SHARED_DATA, dataset, at(row, 'image')!));
}
