import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SampleFilter } from '../../contract/domain';
import type { JobId } from '../../contract/ids';
import { AppError, isAppError } from '../../contract/result';
import type { EventBus } from '../event-bus';
import type { ProviderName, SessionPool } from '../inference';
import { messageOf } from '../inference/errors';
import { hashFile } from '../media/hash';
import { loadRegistered } from '../models/pack-registry';
import { registeredPackId } from '../models/pack-info';
import type { ProjectStore } from '../store';
import type { InferenceSample } from '../store/inference-reads';
import type { ForegroundGate } from './foreground-gate';
import type { JobContext } from './job-manager';
import type { InferenceQueue } from './inference-queue';
import { describeSession, InferenceTally, type InferenceReport } from './inference-report';
import { openJobPredictor } from './inference-predictor';
import { InferenceWriter } from './inference-writer';

/** What `inference:start` asked for, stored with the job so `jobs:resume` can run it again. */
export type InferenceParams = {
  packRowId: number;
  sampleIds: number[] | null;
  filter: SampleFilter | null;
  providers: ProviderName[] | null;
  threads: number | null;
  force: boolean;
};

export type InferenceDeps = {
  store: ProjectStore;
  pool: SessionPool;
  bus: EventBus;
  /** Held back while someone uses the app, except for the image they asked for. */
  gate?: ForegroundGate;
  jobId?: () => JobId;
};

/**
 * Images in flight: while one runs in the session, the others decode or post-process. With a
 * one-thread session on two cores, two lanes left the session idle between images (pipeline ÷
 * raw 1.14–1.29 in inference-overhead) and three kept it fed (1.09–1.16); with onnxruntime on
 * every core the third lane made no difference either way. The session worker starts a run as
 * it arrives, so with three lanes about half the runs start while another is still running and
 * the two share the cores for a while. That overlap helps: queueing runs one at a time, in the
 * predictor or in the worker, was slower (map trunk, alternating chunks in one process: 1.16 →
 * 1.22 and 1.12 → 1.19); four or five lanes were no different from three within the noise.
 */
export const INFERENCE_LANES = 3;

export const heatmapRelPath = (packRowId: number, hash: string) => `cache/heatmaps/${packRowId}/${hash}.png`;

const CHANGED = 'changed on disk since it was imported; import it again before predicting';

/**
 * The bytes must still be the ones imported: the prediction is recorded against their hash. Same
 * size and time means unchanged; a new time alone (a dataset copied or restored without its
 * times) is settled by hashing the file again, so identical bytes are still predicted.
 */
async function unusable(sample: InferenceSample): Promise<string | null> {
  if (sample.error) return `not readable: ${sample.error}`;
  if (!sample.contentHash) return 'has no content hash; import it again';
  const stat = statSync(sample.path, { throwIfNoEntry: false });
  if (!stat) return 'file moved or deleted';
  if (stat.size !== sample.fileSize) return CHANGED;
  if (Math.round(stat.mtimeMs) === Math.round(sample.mtimeMs)) return null;
  try {
    return (await hashFile(sample.path)) === sample.contentHash ? null : CHANGED;
  } catch (error) {
    return `not readable: ${messageOf(error)}`;
  }
}

/** Engine errors name the image by absolute path; the job's problem already names it. */
const reasonOf = (error: unknown, path: string) => messageOf(error).replace(`image ${path}: `, '');

/**
 * Runs one pack over a set of images: verify the pack, skip images this pack version already
 * predicted (unless forced), open (or reuse) a session with provider fall-back, then predict and
 * record each image. A bad image is a problem naming it; the job goes on with the next.
 */
export async function runInference(
  deps: InferenceDeps,
  params: InferenceParams,
  queue: InferenceQueue<InferenceSample>,
  context: JobContext,
): Promise<InferenceReport> {
  const { store, gate } = deps;
  const record = store.packRecord(params.packRowId);
  if (!record || record.dir === '')
    throw new AppError('NOT_FOUND', `model pack pack:${params.packRowId} was removed`);
  context.message(`verifying ${record.name} ${record.version}…`);
  const pack = await loadRegistered(record);

  const ids = params.sampleIds ?? store.sampleIds(params.filter ?? {});
  const samples = store.inferenceSamples(ids);
  context.setTotal(samples.length);
  const existing = store.predictedHashes(record.id);
  const tally = new InferenceTally(params.force);
  const todo = samples.filter((s) => params.force || !s.contentHash || !existing.has(s.contentHash));
  tally.skipped = samples.length - todo.length;
  if (tally.skipped > 0) context.advance(tally.skipped);
  if (todo.length === 0 || context.signal.aborted) return tally.report(null);

  context.message(`opening a session for ${record.name} ${record.version}…`);
  const predictor = await openJobPredictor(pack, todo, {
    ...deps,
    signal: context.signal,
    providers: params.providers ?? undefined,
    threads: params.threads ?? undefined,
  });
  const session = {
    provider: predictor.provider,
    fallbacks: predictor.fallbacks,
    threads: predictor.threads ?? null,
  };
  store.setPackSession(record.id, { ...session, openedAt: new Date().toISOString() });
  context.message(`${record.name} ${record.version} ${describeSession(session)}`);

  const writer = new InferenceWriter(store, deps.bus, record, registeredPackId(record.id));
  queue.fill(todo);
  tally.begin();
  const one = async (sample: InferenceSample): Promise<void> => {
    const problem = await unusable(sample);
    if (problem) return tally.fail(context, sample.relPath, problem);
    const hash = sample.contentHash!;
    const rel = heatmapRelPath(record.id, hash);
    try {
      const urgent = queue.isUrgent(sample.id);
      const beforeStage = gate && !urgent ? () => gate.waitQuiet(context.signal) : undefined;
      const outcome = await predictor.predict(sample.path, {
        heatmapPath: join(store.dir, rel),
        beforeStage,
      });
      writer.write({ ...sample, contentHash: hash }, outcome, rel, urgent);
      tally.succeed(context, outcome.timings, existing.has(hash));
    } catch (error) {
      // a MAU-GPT answer stops mid-way when the job is cancelled: not the image's fault
      if (context.signal.aborted && isAppError(error) && error.code === 'CANCELLED') return;
      tally.fail(context, sample.relPath, reasonOf(error, sample.path));
    }
  };
  const lane = async () => {
    while (!context.signal.aborted) {
      if (gate && !queue.nextIsUrgent()) await gate.waitQuiet(context.signal);
      const sample = queue.next();
      if (!sample) return;
      await one(sample);
    }
  };
  await Promise.all(Array.from({ length: INFERENCE_LANES }, lane)).finally(() => predictor.finish());
  writer.flush();
  return tally.report(session);
}
