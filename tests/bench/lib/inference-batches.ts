import { join } from 'node:path';
import {
  decodeOutputs,
  imageInputOf,
  preprocessImage,
  writeHeatmapPng,
  type ModelPack,
  type PreparedImage,
  type SessionHandle,
  type TensorData,
} from '../../../electron/core/inference';

export type BatchedRun = {
  /** Images per second once the pipeline is full (first batch done to last batch done). */
  imagesPerSecond: number;
  /** session.run alone, timed inside the worker: images per second of run time. */
  runImagesPerSecond: number;
  images: number;
};

type Prepared = { paths: string[]; prepared: PreparedImage[] };

/** One image's share of a batched output: the b-th slice along the batch dimension. */
function sliceOutputs(
  outputs: Record<string, TensorData>,
  b: number,
  batch: number,
): Record<string, TensorData> {
  const out: Record<string, TensorData> = {};
  for (const [name, t] of Object.entries(outputs)) {
    if (t.dims[0] !== batch) {
      out[name] = t;
      continue;
    }
    const size = t.data.length / batch;
    out[name] = {
      type: t.type,
      dims: [1, ...t.dims.slice(1)],
      data: t.data.subarray(b * size, (b + 1) * size),
    };
  }
  return out;
}

/**
 * The job's per-image work in batches of `batch`: decode and resize the batch's images (in
 * parallel on sharp's threads), one session.run on the stacked tensor in the session worker,
 * then each image's slice through the pack's adapter and its heatmap PNG written. The next batch
 * is decoded while this one runs.
 */
export async function runBatched(
  session: SessionHandle,
  pack: ModelPack,
  images: readonly string[],
  batch: number,
  heatmapDir: string,
): Promise<BatchedRun> {
  const input = imageInputOf(pack);
  const plane = 3 * input.resize.width * input.resize.height;
  const batches: string[][] = [];
  for (let i = 0; i + batch <= images.length; i += batch) batches.push(images.slice(i, i + batch));
  const prepare = async (paths: string[]): Promise<Prepared> => ({
    paths,
    prepared: await Promise.all(paths.map((p) => preprocessImage(p, input))),
  });
  const finish = async (p: Prepared, outputs: Record<string, TensorData>, k: number): Promise<void> => {
    const writes: Promise<void>[] = [];
    p.paths.forEach((path, b) => {
      const result = decodeOutputs(pack, sliceOutputs(outputs, b, batch), p.prepared[b]!.geometry, path);
      if (result.anomalyMap)
        writes.push(writeHeatmapPng(result.anomalyMap, join(heatmapDir, `${k}-${b}.png`), { levels: true }));
    });
    await Promise.all(writes);
  };
  const doneAt: number[] = [];
  let runMs = 0;
  let preparing: Promise<Prepared> | undefined = prepare(batches[0]!);
  let finishing: Promise<void> = Promise.resolve();
  for (let k = 0; k < batches.length; k++) {
    const p: Prepared = await preparing!;
    const data = new Float32Array(batch * plane);
    p.prepared.forEach((one, b) => data.set(one.tensor.data as Float32Array, b * plane));
    const dims = [batch, 3, input.resize.height, input.resize.width];
    const running = session.run({ [input.name]: { type: 'float32', dims, data } });
    preparing = k + 1 < batches.length ? prepare(batches[k + 1]!) : undefined;
    const ran = await running;
    runMs += ran.runMs;
    await finishing;
    finishing = finish(p, ran.outputs, k).then(() => void doneAt.push(performance.now()));
  }
  await finishing;
  const counted = (batches.length - 1) * batch;
  return {
    imagesPerSecond: (counted / (doneAt.at(-1)! - doneAt[0]!)) * 1000,
    runImagesPerSecond: ((batches.length * batch) / runMs) * 1000,
    images: batches.length * batch,
  };
}
