import { availableParallelism } from 'node:os';
import type { JobId } from '../../contract/ids';
import { asSampleId } from '../../contract/ids';
import type { EventBus } from '../event-bus';
import {
  createPredictor,
  type ModelPack,
  type Predictor,
  type ProviderName,
  type SessionPool,
} from '../inference';
import { createMauGptPredictor } from '../mau-gpt/predictor';
import { objectNoun } from '../mauset-qa/wording';
import type { InferenceSample } from '../store/inference-reads';

export type JobPredictor = Pick<Predictor, 'provider' | 'fallbacks' | 'predict'> & {
  /** onnxruntime's intra-op threads, when the job set them; undefined is onnxruntime's default. */
  threads: number | undefined;
  /** Frees what only this job used (its workers); pooled sessions stay for the next run. */
  finish(): Promise<void>;
};

/**
 * Intra-op threads of an anomaly or detection job asked for none: one core fewer than the
 * machine has. Its images decode and post-process beside the model (INFERENCE_LANES), and on two
 * cores a model on both left them no core: pipeline ÷ raw 1.10–1.21 against 1.09–1.16 with one
 * thread, at ~5 % less raw speed (inference-overhead, inference-throughput).
 */
export function backgroundThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

export type JobPredictorDeps = {
  pool: SessionPool;
  bus: EventBus;
  /** The running job, for the events that name it. */
  jobId?: () => JobId;
  signal: AbortSignal;
  providers: ProviderName[] | undefined;
  threads: number | undefined;
};

/**
 * The predictor an inference job runs: the pooled session + adapter of anomalib and YOLO packs,
 * or a MAU-GPT generator that streams each answer as `inference:token` events.
 */
export async function openJobPredictor(
  pack: ModelPack,
  samples: readonly InferenceSample[],
  deps: JobPredictorDeps,
): Promise<JobPredictor> {
  const common = { providers: deps.providers, intraOpNumThreads: deps.threads, heatmap: { levels: true } };
  if (pack.kind !== 'mau-gpt') {
    const threads = deps.threads ?? backgroundThreads();
    const predictor = await createPredictor(pack, { ...common, intraOpNumThreads: threads, pool: deps.pool });
    return Object.assign(predictor, { threads, finish: () => predictor.release() });
  }
  const sampleOf = new Map(samples.map((s) => [s.path, asSampleId(s.id)]));
  // the noun the training questions used for the same category (MAU-Set export)
  const objectOf = new Map(samples.map((s) => [s.path, objectNoun(s)]));
  const categoryOf = new Map(samples.map((s) => [s.path, s.category ?? undefined]));
  const { jobId, bus } = deps;
  const predictor = await createMauGptPredictor(pack, {
    ...common,
    signal: deps.signal,
    objectOf: (path) => objectOf.get(path),
    categoryOf: (path) => categoryOf.get(path),
    onToken: (path, level, delta) => {
      const sampleId = sampleOf.get(path);
      if (sampleId !== undefined && jobId)
        bus.emit('inference:token', { jobId: jobId(), sampleId, level, delta });
    },
  });
  return { ...predictor, threads: deps.threads, finish: () => predictor.release() };
}
