import type { EvaluationSummary } from '../../contract/api-finetune';
import type { SampleFilter } from '../../contract/domain';
import type { EventBus } from '../event-bus';
import { evaluateProject, packThresholdsOf } from '../evaluation';
import { SessionPool } from '../inference';
import { runInference } from '../jobs/inference-job';
import { InferenceQueue } from '../jobs/inference-queue';
import type { JobContext } from '../jobs/job-manager';
import { registeredPackId } from '../models/pack-info';
import type { ProjectStore } from '../store';
import type { InferenceSample } from '../store/inference-reads';
import { subContext } from './sub-context';

/**
 * Runs a registered pack on the held-out images through the inference job's own code, then
 * scores its predictions against the labels with the project evaluation.
 */
async function predictAndScore(
  deps: { store: ProjectStore; bus: EventBus; pool: SessionPool },
  packRowId: number,
  heldOut: number[],
  filter: SampleFilter,
  context: JobContext,
): Promise<EvaluationSummary> {
  const record = deps.store.packRecord(packRowId)!;
  const label = `${record.name} ${record.version}`;
  const params = { packRowId, sampleIds: heldOut, filter: null, providers: null, threads: 1, force: false };
  await runInference(deps, params, new InferenceQueue<InferenceSample>(), subContext(context, label));
  context.signal.throwIfAborted();
  const pack = {
    id: record.id,
    name: record.name,
    version: record.version,
    kind: record.kind,
    ...packThresholdsOf(record.manifest),
  };
  const report = await evaluateProject(
    deps.store,
    // Each pack at its own verdict threshold: the comparison is of the packs as they would ship.
    {
      pack,
      filter,
      // Exactly the held-out images for both packs: the base may have predicted the whole project.
      sampleIds: heldOut,
      mapSize: 128,
      pixelMetrics: true,
    },
    { signal: context.signal, message: (text) => context.message(`${label}: ${text}`) },
  );
  return {
    packId: registeredPackId(record.id),
    name: record.name,
    version: record.version,
    evaluated: report.evaluated,
    skipped: report.skipped,
    total: report.total,
  };
}

/** Both packs on the same held-out images, each with a session pool released afterwards. */
export async function comparePacks(
  deps: { store: ProjectStore; bus: EventBus },
  packs: { base: number; tuned: number },
  heldOut: number[],
  filter: SampleFilter,
  context: JobContext,
): Promise<{ base: EvaluationSummary; tuned: EvaluationSummary }> {
  const pool = new SessionPool();
  try {
    const base = await predictAndScore({ ...deps, pool }, packs.base, heldOut, filter, context);
    const tuned = await predictAndScore({ ...deps, pool }, packs.tuned, heldOut, filter, context);
    return { base, tuned };
  } finally {
    await pool.close();
  }
}
