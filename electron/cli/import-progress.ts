import type { Job } from '../contract';
import type { CliIo } from './cli-io';

const PLAIN_INTERVAL_MS = 2000;

function seconds(ms: number): string {
  if (ms < 60_000) return `${Math.ceil(ms / 1000)}s`;
  return `${Math.floor(ms / 60_000)}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

/** The job's line; `withMessage: false` leaves off its message (already printed above). */
export function describeProgress(job: Job, withMessage = true): string {
  if (job.total === 0) return `${job.title}: ${job.state === 'queued' ? 'queued' : job.message}`;
  const share = job.total > 0 ? ` (${Math.floor((job.done / job.total) * 100)}%)` : '';
  const failed = job.failed > 0 ? `, ${job.failed} failed` : '';
  const eta = job.etaMs !== null && job.state === 'running' ? `, about ${seconds(job.etaMs)} left` : '';
  const message = withMessage && job.message ? ` · ${job.message}` : '';
  return `${job.title}: ${job.done}/${job.total}${share}${failed}${eta}${message}`;
}

/**
 * A terminal gets one line rewritten in place; a log file or CI gets a line every few seconds
 * (and on every change of state), so it stays readable. There the job's message is printed when
 * it changes, not on every line: an inference job's names the provider and why others were
 * passed over, a sentence that repeated every two seconds buried the counts.
 */
export function createProgressPrinter(io: CliIo) {
  let lastPlainAt = 0;
  let lastState: Job['state'] | null = null;
  let lastMessage: string | null = null;
  let lineOpen = false;
  return {
    update(job: Job): void {
      if (io.stderrIsTTY) {
        const width = process.stderr.columns ?? 100;
        io.err(`\r\x1b[2K${describeProgress(job).slice(0, Math.max(20, width - 1))}`);
        lineOpen = true;
        return;
      }
      const now = Date.now();
      if (job.state === lastState && now - lastPlainAt < PLAIN_INTERVAL_MS) return;
      lastPlainAt = now;
      lastState = job.state;
      io.err(`${describeProgress(job, job.message !== lastMessage)}\n`);
      lastMessage = job.message;
    },
    /** Ends the in-place line so what follows starts on a fresh one. */
    finish(): void {
      if (lineOpen) io.err('\n');
      lineOpen = false;
    },
  };
}
