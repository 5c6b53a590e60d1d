import type { Handlers } from '../../contract';
import { asPredictionId, asPredictionRegionId } from '../../contract/review';
import { asSampleId } from '../../contract/ids';
import { AppError } from '../../contract/result';
import type { PredictionDetail, ReviewPacks } from '../../contract/api-inference';
import type { EventBus } from '../event-bus';
import type { ForegroundGate } from '../jobs/foreground-gate';
import { InferenceRuntime } from '../jobs/inference-runtime';
import type { JobManager } from '../jobs/job-manager';
import { heatmapFile } from '../models/heatmap-file';
import { listModels, resolvePackId } from '../models/model-catalog';
import { parsePackId, registeredPackId } from '../models/pack-info';
import { addPack, importOnnx } from '../models/pack-registry';
import type { ProjectSession } from '../project-session';
import type { ProjectStore } from '../store';
import type { PredictionRecord } from '../store/inference-reads';
import { existsSync } from 'node:fs';

type InferenceMethods =
  | 'models:list'
  | 'models:add'
  | 'models:importOnnx'
  | 'models:remove'
  | 'inference:start'
  | 'inference:prioritize'
  | 'inference:resumable'
  | 'predictions:get'
  | 'models:setReviewPack'
  | 'models:reviewPacks'
  | 'jobs:resume';

export type InferenceDeps = {
  session: ProjectSession;
  jobs: JobManager;
  bus: EventBus;
  gate?: ForegroundGate;
  modelsDir?: string;
};

function toDetail(store: ProjectStore, p: PredictionRecord, latestId: number | undefined): PredictionDetail {
  const file = heatmapFile(store, p);
  return {
    id: asPredictionId(p.id),
    sampleId: asSampleId(p.sampleId),
    packId: p.packRegistered ? registeredPackId(p.packRowId) : null,
    pack: p.pack,
    contentHash: p.contentHash,
    score: p.score,
    verdict: p.verdict,
    calibrated: p.calibrated,
    regions: p.regions.map((r) => ({ ...r, id: asPredictionRegionId(r.id) })),
    heatmap: file !== null && latestId === p.id && existsSync(file),
    provider: p.provider,
    createdAt: p.createdAt,
  };
}

function reviewPacks(store: ProjectStore): ReviewPacks {
  const chosen = store.reviewPack();
  return {
    packs: store
      .predictingPacks()
      .map(({ rowId, ...pack }) => ({ packId: registeredPackId(rowId), ...pack })),
    underReview: chosen === null ? null : registeredPackId(chosen),
  };
}

/** Model packs, inference jobs and predictions; `close` releases the sessions with the core. */
export function inferenceHandlers(deps: InferenceDeps): {
  handlers: Pick<Handlers, InferenceMethods>;
  close: () => Promise<void>;
} {
  const { session, modelsDir } = deps;
  const runtime = new InferenceRuntime(deps);
  const info = async (store: ProjectStore, rowId: number) =>
    (await listModels(store, modelsDir)).find((m) => m.packId === registeredPackId(rowId))!;

  const setReviewPack = (store: ProjectStore, rowId: number | null): ReviewPacks => {
    store.setReviewPack(rowId);
    deps.bus.emit('models:reviewPack', { packId: rowId === null ? null : registeredPackId(rowId) });
    return reviewPacks(store);
  };

  const handlers: Pick<Handlers, InferenceMethods> = {
    'models:list': () => listModels(session.require(), modelsDir),
    'models:add': async ({ dir }) => {
      const store = session.require();
      return info(store, (await addPack(store, dir)).record.id);
    },
    'models:importOnnx': async (input) => {
      const store = session.require();
      return info(store, (await importOnnx(store, input)).id);
    },
    'models:remove': async ({ packId }) => {
      const store = session.require();
      const parsed = parsePackId(packId);
      if (!parsed || !('rowId' in parsed))
        throw new AppError('INVALID_INPUT', `${packId} is not registered in this project`);
      const running = runtime.jobUsing(parsed.rowId);
      if (running) throw new AppError('CONFLICT', `${packId} is in use by ${running}; cancel it first`);
      const record = store.packRecord(parsed.rowId);
      const predictionsKept = store.unregisterPack(parsed.rowId);
      // a pack gone from the list cannot stay the one review shows: back to the newest of any
      if (store.reviewPack() === parsed.rowId) setReviewPack(store, null);
      if (record) await runtime.releasePack(record.name, record.version);
      return { predictionsKept };
    },
    'inference:start': async (input) => {
      const store = session.require();
      const target = await resolvePackId(store, modelsDir, input.packId);
      const record = 'record' in target ? target.record : (await addPack(store, target.shippedDir)).record;
      if (record.kind !== 'anomalib' && record.kind !== 'yolo' && record.kind !== 'mau-gpt') {
        throw new AppError(
          'UNSUPPORTED',
          `model pack ${record.name} ${record.version} is a ${record.kind} pack; inference runs anomalib, yolo and mau-gpt packs`,
        );
      }
      const jobId = runtime.start(
        store,
        {
          packRowId: record.id,
          sampleIds: input.sampleIds ?? null,
          filter: input.filter ?? null,
          providers: input.providers ?? null,
          threads: input.threads ?? null,
          force: input.force,
        },
        `Inference: ${record.name} ${record.version}`,
      );
      return { jobId };
    },
    'inference:prioritize': ({ jobId, sampleId }) => ({ queued: runtime.prioritize(jobId, sampleId) }),
    'inference:resumable': () => runtime.resumable(session.require()),
    'predictions:get': ({ sampleId, packId }) => {
      const store = session.require();
      if (store.inferenceSamples([sampleId]).length === 0)
        throw new AppError('NOT_FOUND', `no sample ${sampleId} in this project`);
      const parsed = packId ? parsePackId(packId) : undefined;
      // a shipped pack that was never registered has made no predictions here
      if (parsed && !('rowId' in parsed)) return null;
      const latest = store.latestPredictionRecord(sampleId);
      const chosen = parsed ? store.latestPredictionRecord(sampleId, parsed.rowId) : latest;
      return chosen ? toDetail(store, chosen, latest?.id) : null;
    },
    'models:reviewPacks': () => reviewPacks(session.require()),
    'models:setReviewPack': ({ packId }) => {
      const store = session.require();
      if (packId === null) return setReviewPack(store, null);
      const parsed = parsePackId(packId);
      const rowId = parsed && 'rowId' in parsed ? parsed.rowId : null;
      const record = rowId === null ? undefined : store.packRecord(rowId);
      if (rowId === null || !record || store.packPredictionCount(rowId) === 0) {
        const name = record ? `${record.name} ${record.version}` : packId;
        throw new AppError('INVALID_INPUT', `${name} has made no predictions in this project; run it first`);
      }
      return setReviewPack(store, rowId);
    },
    'jobs:resume': ({ jobId }) => ({ jobId: runtime.resume(session.require(), jobId) }),
  };
  return { handlers, close: () => runtime.close() };
}
