import type { Job, JobId } from '../../contract';
import { AppError } from '../../contract/result';
import type { EventBus } from '../event-bus';
import { SessionPool } from '../inference';
import type { ProjectSession } from '../project-session';
import type { ForegroundGate } from './foreground-gate';
import type { ProjectStore } from '../store';
import type { InferenceSample } from '../store/inference-reads';
import { runInference, type InferenceParams } from './inference-job';
import { InferenceQueue } from './inference-queue';
import type { JobManager } from './job-manager';

export const INTERRUPTED = 'interrupted — resume to continue';

type Active = { queue: InferenceQueue<InferenceSample>; packRowId: number };

/**
 * Inference jobs of one core and the sessions they share. Sessions outlive a job (the next run
 * of the same pack starts at once) and are released when the project closes or the core does.
 */
export class InferenceRuntime {
  readonly pool = new SessionPool();
  private readonly active = new Map<JobId, Active>();

  constructor(
    private readonly deps: {
      session: ProjectSession;
      jobs: JobManager;
      bus: EventBus;
      gate?: ForegroundGate;
    },
  ) {
    deps.bus.subscribe((name, payload) => {
      if (name === 'project:changed') this.projectChanged((payload as { dir: string | null }).dir);
    });
  }

  start(store: ProjectStore, params: InferenceParams, title: string): JobId {
    const queue = new InferenceQueue<InferenceSample>();
    const { pool } = this;
    const { bus, gate } = this.deps;
    const job = this.deps.jobs.start('inference', title, (context) =>
      runInference({ store, pool, bus, gate, jobId: () => job.id }, params, queue, context),
    );
    this.active.set(job.id, { queue, packRowId: params.packRowId });
    store.setJobParams(job.id, params);
    void this.deps.jobs.wait(job.id).then(() => this.active.delete(job.id));
    return job.id;
  }

  prioritize(jobId: JobId, sampleId: number): boolean {
    const active = this.active.get(jobId);
    if (!active) throw new AppError('NOT_FOUND', `${jobId} is not a running inference job`);
    return active.queue.prioritize(sampleId);
  }

  /** The running job that uses the pack, if any: its session must not be pulled from under it. */
  jobUsing(packRowId: number): JobId | undefined {
    return [...this.active].find(([, a]) => a.packRowId === packRowId)?.[0];
  }

  resume(store: ProjectStore, jobId: JobId): JobId {
    const job = store.getJob(jobId);
    if (!job) throw new AppError('NOT_FOUND', `no job ${jobId} in this project`);
    if (job.kind !== 'inference')
      throw new AppError('INVALID_INPUT', `${jobId} is an ${job.kind} job; only inference jobs resume`);
    if (this.active.has(jobId)) throw new AppError('CONFLICT', `${jobId} is still running`);
    if (job.state === 'done') {
      throw new AppError(
        'CONFLICT',
        `${jobId} already finished; start a new run (with force to redo images)`,
      );
    }
    const params = store.getJobParams(jobId) as InferenceParams | undefined;
    if (!params || typeof params.packRowId !== 'number') {
      throw new AppError('INVALID_INPUT', `${jobId} has no stored parameters to run again`);
    }
    const record = store.packRecord(params.packRowId);
    if (!record || record.dir === '') {
      throw new AppError(
        'NOT_FOUND',
        `${jobId} ran model pack pack:${params.packRowId}, which is no longer registered`,
      );
    }
    // a resumed run only fills the gaps: whatever any run already predicted is kept
    const next = this.start(store, { ...params, force: false }, `${job.title} (resumed)`);
    store.saveJob({ ...job, message: `${job.message}; resumed as ${next}` });
    return next;
  }

  /** Inference jobs a person can resume: interrupted by a crash or restart, or cancelled. */
  resumable(store: ProjectStore): Job[] {
    return store
      .listJobs(200)
      .filter(
        (j) =>
          j.kind === 'inference' &&
          (j.state === 'failed' || j.state === 'cancelled') &&
          !this.active.has(j.id),
      )
      .filter((j) => !/; resumed as job:/.test(j.message));
  }

  /** Closes the sessions of a pack version (ids are `name@version:<model sha prefix>`). */
  async releasePack(name: string, version: string): Promise<void> {
    const open = await this.pool.list();
    const ids = new Set(open.map((s) => s.packId).filter((id) => id.startsWith(`${name}@${version}:`)));
    await Promise.all([...ids].map((id) => this.pool.release(id)));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private projectChanged(dir: string | null): void {
    // jobs were cancelled before the switch, so no session is in use any more
    void this.pool.close();
    const store = this.deps.session.store;
    if (!dir || store?.dir !== dir) return;
    const live = this.deps.jobs
      .list()
      .filter((j) => j.state === 'queued' || j.state === 'running')
      .map((j) => j.id);
    store.markInterruptedJobs('inference', INTERRUPTED, live);
  }
}
