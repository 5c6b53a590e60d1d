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
import type { InferenceSample } from '../store/inference-reads';

export type JobPredictor = Pick<Predictor, 'provider' | 'fallbacks' | 'predict'> & {
  /** Frees what only this job used (its workers); pooled sessions stay for the next run. */
  finish(): Promise<void>;
};

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
    const predictor = await createPredictor(pack, { ...common, pool: deps.pool });
    return Object.assign(predictor, { finish: () => predictor.release() });
  }
  const sampleOf = new Map(samples.map((s) => [s.path, asSampleId(s.id)]));
  const { jobId, bus } = deps;
  const predictor = await createMauGptPredictor(pack, {
    ...common,
    signal: deps.signal,
    onToken: (path, level, delta) => {
      const sampleId = sampleOf.get(path);
      if (sampleId !== undefined && jobId)
        bus.emit('inference:token', { jobId: jobId(), sampleId, level, delta });
    },
  });
  return { ...predictor, finish: () => predictor.release() };
}
