import type { PredictTimings, ProviderFallback, ProviderName } from '../inference';
import type { JobContext } from './job-manager';

export type SessionSummary = {
  provider: ProviderName;
  fallbacks: ProviderFallback[];
  threads: number | null;
};

/** Per-image means over the images that ran; pipeline ÷ run shows what decode and post-processing add. */
export type InferenceTimings = {
  images: number;
  wallMs: number;
  meanPipelineMs: number;
  meanRunMs: number;
  meanPreprocessMs: number;
  meanPostprocessMs: number;
  /** Wall time per image ÷ session.run time per image: 1.0 means the session never waited. */
  pipelineOverRun: number | null;
};

/**
 * The job's report: its top-level numbers become the job's outcome (predicted, skipped, failed,
 * and with force: unchanged, the images whose immutable record already existed).
 */
export type InferenceReport = {
  predicted: number;
  skipped: number;
  failed: number;
  unchanged?: number;
  session: SessionSummary | null;
  timings: InferenceTimings | null;
};

/** "on cpu (cuda: library not found)": the provider and why the ones before it were passed over. */
export function describeSession(session: Pick<SessionSummary, 'provider' | 'fallbacks'>): string {
  const why = session.fallbacks.map((f) => `${f.provider}: ${f.reason}`).join('; ');
  return `on ${session.provider}${why ? ` (fell back from ${why})` : ''}`;
}

export class InferenceTally {
  predicted = 0;
  skipped = 0;
  failed = 0;
  unchanged = 0;
  private runStartedAt: number | null = null;
  private readonly sums = { pipeline: 0, run: 0, pre: 0, post: 0, images: 0 };

  constructor(private readonly force: boolean) {}

  /** Images start running now (after the pack check and the session open, which are not per image). */
  begin(): void {
    this.runStartedAt = performance.now();
  }

  succeed(context: JobContext, timings: PredictTimings, recordExisted: boolean): void {
    if (recordExisted) this.unchanged++;
    else this.predicted++;
    this.sums.images++;
    this.sums.pipeline += timings.totalMs;
    this.sums.run += timings.runMs;
    this.sums.pre += timings.preprocessMs;
    this.sums.post += timings.postprocessMs;
    context.advance(1);
  }

  fail(context: JobContext, file: string, reason: string): void {
    this.failed++;
    context.problem(file, reason);
    context.advance(1, 1);
  }

  report(session: SessionSummary | null): InferenceReport {
    const n = this.sums.images;
    const wallMs = this.runStartedAt === null ? 0 : performance.now() - this.runStartedAt;
    const mean = (sum: number) => (n > 0 ? sum / n : 0);
    return {
      predicted: this.predicted,
      skipped: this.skipped,
      failed: this.failed,
      ...(this.force ? { unchanged: this.unchanged } : {}),
      session,
      timings:
        n === 0
          ? null
          : {
              images: n,
              wallMs,
              meanPipelineMs: mean(this.sums.pipeline),
              meanRunMs: mean(this.sums.run),
              meanPreprocessMs: mean(this.sums.pre),
              meanPostprocessMs: mean(this.sums.post),
              pipelineOverRun: this.sums.run > 0 ? wallMs / this.sums.run : null,
            },
    };
  }
}
