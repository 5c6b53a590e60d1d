import * as ort from 'onnxruntime-node';
import { imageInputOf, preprocessImage, type ModelPack } from '../../../electron/core/inference';
import { sessionOptionsFor } from '../../../electron/core/inference/session/open-session';
import type { ProviderName } from '../../../electron/core/inference/session/providers';

/** What the session worker asks for (session-worker.ts): pool threads sleep between runs. */
const ENGINE_SPINNING = false;

/**
 * A bare onnxruntime session on the calling thread with the options the engine's sessions use
 * (open-session.ts), fed tensors prepared in advance: the model's own cost, nothing else.
 */
export type RawPass = { runMs: number[]; cpuMs: number };
export type RawSession = {
  /** Runs tensors [from, to) once, in order: each run's milliseconds and process CPU per run. */
  runRange(from: number, to: number): Promise<RawPass>;
  /** One prepared input's outputs (for comparing providers on the same tensors). */
  outputsOf(index: number): Promise<ort.InferenceSession.ReturnType>;
  readonly count: number;
  close(): Promise<void>;
};

export async function openRawSession(
  pack: ModelPack,
  images: readonly string[],
  intraOpNumThreads: number | undefined,
  batch = 1,
  provider: ProviderName = 'cpu',
): Promise<RawSession> {
  const input = imageInputOf(pack);
  const session = await ort.InferenceSession.create(
    pack.modelPath,
    sessionOptionsFor(provider, { intraOpNumThreads, allowSpinning: ENGINE_SPINNING }),
  );
  const plane = 3 * input.resize.width * input.resize.height;
  const feeds: Record<string, ort.Tensor>[] = [];
  for (let i = 0; i + batch <= images.length; i += batch) {
    const data = new Float32Array(batch * plane);
    for (let b = 0; b < batch; b++) {
      const { tensor } = await preprocessImage(images[i + b]!, input);
      data.set(tensor.data as Float32Array, b * plane);
    }
    const dims = [batch, 3, input.resize.height, input.resize.width];
    feeds.push({ [input.name]: new ort.Tensor('float32', data, dims) });
  }
  // first runs allocate and pick kernels: not what any later image pays
  await session.run(feeds[0]!);
  return {
    count: feeds.length,
    async runRange(from, to) {
      const runMs: number[] = [];
      const cpu = process.cpuUsage();
      for (const feed of feeds.slice(from, to)) {
        const started = performance.now();
        await session.run(feed);
        runMs.push(performance.now() - started);
      }
      const used = process.cpuUsage(cpu);
      return { runMs, cpuMs: (used.user + used.system) / 1000 / Math.max(1, runMs.length) };
    },
    outputsOf: (index) => session.run(feeds[index]!),
    close: () => session.release(),
  };
}
