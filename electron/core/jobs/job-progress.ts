import type { Job, JobId, JobState, Problem } from '../../contract';

const PROBLEMS_KEPT_IN_SNAPSHOT = 50;
/** Below this many finished items an ETA is mostly noise. */
const MIN_ITEMS_FOR_ETA = 3;

/** The mutable state behind one job's public snapshot, with an ETA from observed throughput. */
export class JobProgress {
  state: JobState = 'queued';
  total = 0;
  done = 0;
  failed = 0;
  message = 'waiting';
  lastEmitAt = 0;
  readonly problems: Problem[] = [];
  outcome: Record<string, number> = {};
  private readonly startedAt = new Date();
  private firstAdvanceAt: number | null = null;
  private finishedAt: Date | null = null;

  constructor(
    readonly id: JobId,
    readonly kind: Job['kind'],
    readonly title: string,
  ) {}

  advance(done: number, failed: number): void {
    this.firstAdvanceAt ??= Date.now();
    this.done += done;
    this.failed += failed;
  }

  addProblem(problem: Problem): void {
    this.problems.push(problem);
  }

  finish(state: JobState, message: string): void {
    this.state = state;
    this.message = message;
    this.finishedAt = new Date();
  }

  summary(): string {
    const failed = this.failed ? `, ${this.failed} failed` : '';
    return `${this.done} of ${this.total} done${failed}`;
  }

  etaMs(): number | null {
    if (this.state !== 'running' || this.firstAdvanceAt === null || this.done < MIN_ITEMS_FOR_ETA)
      return null;
    const elapsed = Date.now() - this.startedAt.getTime();
    const remaining = Math.max(0, this.total - this.done);
    return Math.round((elapsed / this.done) * remaining);
  }

  snapshot(): Job {
    return {
      id: this.id,
      kind: this.kind,
      title: this.title,
      state: this.state,
      done: this.done,
      total: this.total,
      failed: this.failed,
      startedAt: this.startedAt.toISOString(),
      finishedAt: this.finishedAt?.toISOString() ?? null,
      etaMs: this.etaMs(),
      message: this.message,
      problems: this.problems.slice(0, PROBLEMS_KEPT_IN_SNAPSHOT),
      problemCount: this.problems.length,
      outcome: { ...this.outcome },
    };
  }
}
