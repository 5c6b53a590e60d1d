import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { z } from 'zod';

/** The smoke pack written by `models/recipe/train.py --smoke` (see models/recipe/README.md). */
export const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const TINY_PACK = join(REPO, 'models', 'test-models', 'mau-gpt-tiny');
export const REFERENCE_DIR = join(TINY_PACK, 'reference');

const TensorEntry = z.object({
  file: z.string(),
  dims: z.array(z.number().int().nonnegative()),
  dtype: z.enum(['float32', 'int64']),
});
const Feeds = z.record(z.string(), z.string());
const GraphCase = z.object({ inputs: Feeds, outputs: Feeds });

export const ReferenceIndex = z.object({
  image: z.string(),
  vision: GraphCase,
  embed: GraphCase,
  decoder: z.array(GraphCase.extend({ pastLength: z.number().int().nonnegative() })).min(2),
  generation: z.object({
    question: z.string(),
    promptIds: z.array(z.number().int()),
    answerIds: z.array(z.number().int()),
    answerText: z.string(),
  }),
  tensors: z.record(z.string(), TensorEntry),
});
export type ReferenceIndex = z.infer<typeof ReferenceIndex>;

export async function readIndex(dir = REFERENCE_DIR): Promise<ReferenceIndex> {
  const path = join(dir, 'index.json');
  const parsed = ReferenceIndex.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return parsed.data;
}

/** Reads one raw little-endian tensor the Python side wrote, as an onnxruntime tensor. */
export async function readTensor(
  index: ReferenceIndex,
  key: string,
  dir = REFERENCE_DIR,
): Promise<ort.Tensor> {
  const entry = index.tensors[key];
  if (!entry) throw new Error(`${join(dir, 'index.json')}: no tensor '${key}'`);
  const bytes = await readFile(join(dir, entry.file));
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data = entry.dtype === 'int64' ? new BigInt64Array(copy) : new Float32Array(copy);
  const count = entry.dims.reduce((a, b) => a * b, 1);
  if (data.length !== count) {
    throw new Error(`${entry.file}: ${data.length} values, dims ${entry.dims.join('x')} need ${count}`);
  }
  return new ort.Tensor(entry.dtype, data, entry.dims);
}

export async function readFeeds(
  index: ReferenceIndex,
  feeds: Record<string, string>,
): Promise<Record<string, ort.Tensor>> {
  const out: Record<string, ort.Tensor> = {};
  for (const [name, key] of Object.entries(feeds)) out[name] = await readTensor(index, key);
  return out;
}

export function maxAbsDiff(a: ort.Tensor, b: ort.Tensor): number {
  const x = a.data as Float32Array;
  const y = b.data as Float32Array;
  if (x.length !== y.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  return worst;
}
