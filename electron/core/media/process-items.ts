import { availableParallelism } from 'node:os';
import type { ImportItem } from '../datasets/types';
import { reasonOf } from './errors';
import type { ImportJob, ItemOutcome } from './import-item';
import { WorkerPool } from './worker-pool';

export type ProcessedItem = { index: number; item: ImportItem } & ItemOutcome;

export type ProcessOptions = {
  /** Thumbnails go to `<thumbDir>/<hash[0..2]>/<hash>.jpg`. */
  thumbDir: string;
  /** Worker threads (default: cores − 1, at most 8, at most one per item). */
  concurrency?: number;
  /** Stops handing out items; items already running are ended and not reported. */
  signal?: AbortSignal;
  /** Called once per finished item, in completion order (`index` is its place in `items`). */
  onResult?: (result: ProcessedItem) => void;
  /** The worker module; bundled builds pass their import-worker .js here. */
  workerEntry?: string | URL;
};

export type ProcessSummary = { processed: number; failed: number; cancelled: boolean };

/**
 * Probes, hashes, thumbnails and decodes the masks of every item in worker threads, so the main
 * thread stays free for the UI and the store. Never throws for a bad item: each one comes back
 * through `onResult` as ok or with its error. A cancelled run resolves with `cancelled: true`, so
 * the caller can still store what was finished.
 */
export async function processImportItems(
  items: ImportItem[],
  options: ProcessOptions,
): Promise<ProcessSummary> {
  const summary: ProcessSummary = { processed: 0, failed: 0, cancelled: false };
  const { signal } = options;
  if (items.length === 0 || signal?.aborted) return { ...summary, cancelled: signal?.aborted ?? false };
  const size = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), items.length));
  const pool = new WorkerPool<ImportJob, ItemOutcome>({
    entry: options.workerEntry ?? defaultWorkerEntry(),
    size,
    name: 'mau-import',
  });
  let next = 0;
  // One runner per worker, each with one item in flight: the queue never holds more than the
  // pool can work on, so a cancel stops at once and a 100k-item import holds no 100k promises.
  const runner = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      const item = items[index] as ImportItem;
      let outcome: ItemOutcome;
      try {
        outcome = await pool.run({ item, thumbDir: options.thumbDir }, signal);
      } catch (error) {
        if (signal?.aborted) return;
        outcome = { ok: false, error: reasonOf(error) };
      }
      summary.processed += 1;
      if (!outcome.ok) summary.failed += 1;
      options.onResult?.({ index, item, ...outcome });
    }
  };
  try {
    await Promise.all(Array.from({ length: size }, runner));
  } finally {
    await pool.close();
  }
  summary.cancelled = signal?.aborted ?? false;
  return summary;
}

function defaultConcurrency(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

/** The sibling import-worker module, .ts when running from source (tsx, vitest). */
function defaultWorkerEntry(): URL {
  const self = import.meta.url;
  if (typeof self !== 'string') throw new Error('processImportItems: pass workerEntry in a bundled build');
  const extension = /\.[cm]?[jt]s$/.exec(new URL(self).pathname)?.[0] ?? '.js';
  return new URL(`./import-worker${extension}`, self);
}
