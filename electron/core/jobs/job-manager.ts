import { randomUUID } from 'node:crypto';
import { AppError, asJobId, type Job, type JobId, type Problem } from '../../contract';
import type { EventBus } from '../event-bus';
import { JobProgress } from './job-progress';

export type JobKind = Job['kind'];

export type JobContext = {
  readonly signal: AbortSignal;
  setTotal(total: number): void;
  /** Marks items finished; `failed` of them did not succeed. */
  advance(done: number, failed?: number): void;
  problem(file: string, reason: string): void;
  message(text: string): void;
};

export type JobRunner = (context: JobContext) => Promise<unknown>;

type Entry = {
  progress: JobProgress;
  run: JobRunner;
  controller: AbortController;
  finished: Promise<Job>;
  resolve: (job: Job) => void;
  report: unknown;
};

export type JobPersistence = (job: Job, report: unknown) => void;

const EMIT_INTERVAL_MS = 100;

/**
 * Runs long work one job at a time (the machine has few cores and the UI must stay usable),
 * reports progress with an ETA as events, and lets any job be cancelled.
 */
export class JobManager {
  private readonly entries = new Map<JobId, Entry>();
  private readonly queue: JobId[] = [];
  private running: JobId | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly persist: JobPersistence = () => {},
  ) {}

  start(kind: JobKind, title: string, run: JobRunner): Job {
    const id = asJobId(`job:${randomUUID().slice(0, 8)}`);
    let resolve: (job: Job) => void = () => {};
    const finished = new Promise<Job>((r) => (resolve = r));
    const entry: Entry = {
      progress: new JobProgress(id, kind, title),
      run,
      controller: new AbortController(),
      finished,
      resolve,
      report: null,
    };
    this.entries.set(id, entry);
    this.queue.push(id);
    this.publish(entry, true);
    void this.pump();
    return entry.progress.snapshot();
  }

  list(): Job[] {
    return [...this.entries.values()].map((e) => e.progress.snapshot()).reverse();
  }

  has(id: JobId): boolean {
    return this.entries.has(id);
  }

  get(id: JobId): Job {
    return this.entry(id).progress.snapshot();
  }

  report(id: JobId): unknown {
    return this.entry(id).report;
  }

  problems(id: JobId): Problem[] {
    return this.entry(id).progress.problems;
  }

  /** Resolves when the job has ended, whatever the outcome. */
  wait(id: JobId): Promise<Job> {
    return this.entry(id).finished;
  }

  cancel(id: JobId): Job {
    const entry = this.entry(id);
    const state = entry.progress.state;
    if (state === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1);
      this.finish(entry, 'cancelled', 'cancelled before it started');
    } else if (state === 'running') {
      entry.controller.abort();
      entry.progress.message = 'cancelling…';
      this.publish(entry, true);
    }
    return entry.progress.snapshot();
  }

  async cancelAll(): Promise<void> {
    const pending = [...this.entries.keys()].filter((id) => {
      const state = this.entry(id).progress.state;
      return state === 'queued' || state === 'running';
    });
    for (const id of pending) this.cancel(id);
    await Promise.all(pending.map((id) => this.wait(id)));
  }

  private entry(id: JobId): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('NOT_FOUND', `no job ${id}`);
    return entry;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const id = this.queue.shift();
    if (!id) return;
    this.running = id;
    const entry = this.entry(id);
    entry.progress.state = 'running';
    this.publish(entry, true);
    try {
      entry.report = await entry.run(this.contextFor(entry));
      entry.progress.outcome = numericFields(entry.report);
      if (entry.controller.signal.aborted) this.finish(entry, 'cancelled', 'cancelled');
      else this.finish(entry, 'done', entry.progress.summary());
    } catch (error) {
      if (entry.controller.signal.aborted) this.finish(entry, 'cancelled', 'cancelled');
      else this.finish(entry, 'failed', error instanceof Error ? error.message : String(error));
    } finally {
      this.running = null;
      void this.pump();
    }
  }

  private contextFor(entry: Entry): JobContext {
    return {
      signal: entry.controller.signal,
      setTotal: (total) => {
        entry.progress.total = total;
        this.publish(entry, true);
      },
      advance: (done, failed = 0) => {
        entry.progress.advance(done, failed);
        this.publish(entry, false);
      },
      problem: (file, reason) => {
        const problem: Problem = { file, reason };
        entry.progress.addProblem(problem);
        this.bus.emit('job:problem', { jobId: entry.progress.id, ...problem });
      },
      message: (text) => {
        entry.progress.message = text;
        this.publish(entry, false);
      },
    };
  }

  private finish(entry: Entry, state: 'done' | 'failed' | 'cancelled', message: string): void {
    entry.progress.finish(state, message);
    this.publish(entry, true);
    entry.resolve(entry.progress.snapshot());
  }

  private publish(entry: Entry, force: boolean): void {
    const now = Date.now();
    if (!force && now - entry.progress.lastEmitAt < EMIT_INTERVAL_MS) return;
    entry.progress.lastEmitAt = now;
    const job = entry.progress.snapshot();
    this.bus.emit('job:progress', job);
    if (force) {
      try {
        this.persist(job, entry.report);
      } catch (error) {
        console.warn(`could not record ${job.id}: ${(error as Error).message}`);
      }
    }
  }
}

/** The counts of a job's report (added, failed, …) become its public outcome. */
function numericFields(report: unknown): Record<string, number> {
  if (!report || typeof report !== 'object') return {};
  return Object.fromEntries(
    Object.entries(report).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}
