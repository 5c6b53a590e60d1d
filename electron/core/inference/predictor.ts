import { AppError, isAppError } from '../../contract/result';
import { adapterFor } from './adapters/select';
import { messageOf } from './errors';
import { imageInputOf, type ModelPack } from './pack/model-pack';
import type { HeatmapPngOptions } from './processing/heatmap';
import { PostprocessLink } from './processing/postprocess-link';
import { preprocessImage, type PreparedImage } from './processing/preprocess';
import type { ProviderFallback, ProviderName } from './session/providers';
import { SessionPool, type SessionOptions } from './session/session-pool';
import type { TensorData } from './session/tensor-data';
import type { PredictOutcome } from './types';

export type PredictorOptions = SessionOptions & {
  /** Share sessions with the rest of the app; without one the predictor owns a private pool. */
  pool?: SessionPool;
  heatmap?: HeatmapPngOptions;
};

export type PredictOptions = {
  heatmapPath?: string;
  /** Awaited before the run and before the post-processing: lets a background job step aside between stages. */
  beforeStage?: () => Promise<unknown>;
};

export type ManyItem = { path: string; index: number } & (
  { ok: true; outcome: PredictOutcome } | { ok: false; error: AppError }
);

export type ManyOptions = {
  /** Where to write each image's heatmap PNG; omit for none. */
  heatmapPathFor?: (path: string, index: number) => string | undefined;
  /** Stops before the next image; the one already running finishes and is yielded. */
  signal?: AbortSignal;
};

export interface Predictor {
  readonly pack: ModelPack;
  readonly provider: ProviderName;
  readonly fallbacks: ProviderFallback[];
  predict(imagePath: string, options?: PredictOptions): Promise<PredictOutcome>;
  /**
   * Predicts a sequence, one result per image in order; a failing image yields its error and
   * the rest go on. While one image runs in the session's worker, the next is decoded and the
   * previous post-processed in a worker of its own, so the session is kept busy.
   */
  predictMany(imagePaths: Iterable<string>, options?: ManyOptions): AsyncGenerator<ManyItem>;
  /** Stops its post-processing worker, and releases the session when this predictor owns its pool; a shared pool keeps it. */
  release(): Promise<void>;
}

const asAppError = (error: unknown): AppError =>
  isAppError(error) ? error : new AppError('INTERNAL', messageOf(error));

type Settled<T> = { ok: true; value: T } | { ok: false; error: AppError };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: asAppError(error) }),
  );

type Prepared = { path: string; prepared: PreparedImage; preprocessMs: number };
type Ran = Prepared & { outputs: Record<string, TensorData>; runMs: number; sentAt: number };
type InFlight = { path: string; index: number; running: Promise<Settled<Ran>> };

/** Opens (or reuses) a warmed-up session for the pack and returns a ready predictor. */
export async function createPredictor(pack: ModelPack, options: PredictorOptions = {}): Promise<Predictor> {
  const adapter = adapterFor(pack);
  adapter.check(pack);
  const input = imageInputOf(pack);
  const pool = options.pool ?? new SessionPool();
  const session = await pool.acquire(pack, options);

  // One decode at a time, in call order: one keeps a single session fed, and a job's lanes
  // decoding at once took both cores from the model in bursts (inference-overhead, map trunk).
  let decoding: Promise<unknown> = Promise.resolve();
  const prepare = (path: string): Promise<Prepared> => {
    const mine = decoding.then(async () => {
      const started = performance.now();
      const prepared = await preprocessImage(path, input);
      return { path, prepared, preprocessMs: performance.now() - started };
    });
    decoding = mine.catch(() => undefined);
    return mine;
  };

  const run = async (p: Prepared): Promise<Ran> => {
    const sentAt = performance.now();
    const { outputs, runMs } = await session.run({ [input.name]: p.prepared.tensor });
    return { ...p, outputs, runMs, sentAt };
  };

  const post = new PostprocessLink(pack.dir);
  const finish = async (r: Ran, heatmapPath: string | undefined): Promise<PredictOutcome> => {
    const g = r.prepared.geometry;
    const { result, heatmapWritten, postprocessMs } = await post.finish({
      pack,
      outputs: r.outputs,
      geometry: g,
      image: r.path,
      ...(heatmapPath ? { heatmapPath } : {}),
      ...(options.heatmap ? { heatmap: options.heatmap } : {}),
    });
    const done = performance.now();
    return {
      result,
      image: { path: r.path, width: g.sourceWidth, height: g.sourceHeight },
      ...(heatmapPath && heatmapWritten ? { heatmapPath } : {}),
      provider: session.provider,
      timings: {
        preprocessMs: r.preprocessMs,
        runMs: r.runMs,
        postprocessMs,
        totalMs: r.preprocessMs + (done - r.sentAt),
      },
    };
  };

  const complete = async (step: InFlight, many: ManyOptions): Promise<ManyItem> => {
    const { path, index } = step;
    const ran = await step.running;
    if (!ran.ok) return { path, index, ok: false, error: ran.error };
    try {
      return { path, index, ok: true, outcome: await finish(ran.value, many.heatmapPathFor?.(path, index)) };
    } catch (error) {
      return { path, index, ok: false, error: asAppError(error) };
    }
  };

  return {
    pack,
    provider: session.provider,
    fallbacks: session.info.fallbacks,
    async predict(path, predictOptions = {}) {
      const { beforeStage } = predictOptions;
      const prepared = await prepare(path);
      await beforeStage?.();
      const ran = await run(prepared);
      await beforeStage?.();
      return finish(ran, predictOptions.heatmapPath);
    },
    async *predictMany(paths, many = {}) {
      // three stages in flight: image i+1 decodes on sharp's threads and image i runs in the
      // session's worker while image i−1 is post-processed in its own, so the session never waits
      const list = [...paths];
      let preparing = list.length > 0 ? settle(prepare(list[0]!)) : undefined;
      let previous: InFlight | undefined;
      for (let index = 0; index < list.length && !many.signal?.aborted; index++) {
        const prepared = await preparing!;
        const running = prepared.ok ? settle(run(prepared.value)) : Promise.resolve(prepared);
        preparing = index + 1 < list.length ? settle(prepare(list[index + 1]!)) : undefined;
        if (previous) yield await complete(previous, many);
        previous = { path: list[index]!, index, running };
      }
      if (previous) yield await complete(previous, many);
    },
    async release() {
      await post.terminate();
      if (!options.pool) await pool.close();
    },
  };
}
