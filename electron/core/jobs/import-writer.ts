import type { ImportReport, Problem } from '../../contract';
import type { ProcessedItem } from '../media/process-items';
import type { ProjectStore } from '../store';
import type { JobContext } from './job-manager';

const BATCH_SIZE = 200;
const BATCH_MAX_AGE_MS = 250;
const CHANGE_EVENT_INTERVAL_MS = 1000;

type Counts = Omit<ImportReport, 'problems'>;

/**
 * Collects processed images and writes them in batched transactions: one transaction per image
 * would cost a sync each, while one for the whole import would show nothing until the end.
 */
export class ImportWriter {
  private batch: ProcessedItem[] = [];
  private batchStartedAt = 0;
  private lastChangeEventAt = 0;
  private readonly counts: Counts = { added: 0, updated: 0, unchanged: 0, moved: 0, failed: 0 };
  private readonly problems: Problem[] = [];

  constructor(
    private readonly store: ProjectStore,
    private readonly context: JobContext,
    private readonly onSamplesChanged: () => void,
  ) {}

  countUnchanged(): void {
    this.counts.unchanged += 1;
    this.context.advance(1);
  }

  add(result: ProcessedItem): void {
    if (this.batch.length === 0) this.batchStartedAt = Date.now();
    this.batch.push(result);
    if (this.batch.length >= BATCH_SIZE || Date.now() - this.batchStartedAt > BATCH_MAX_AGE_MS) this.flush();
  }

  flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    let failed = 0;
    this.store.transaction(() => {
      for (const result of batch) if (!this.write(result)) failed += 1;
    });
    this.context.advance(batch.length, failed);
    const now = Date.now();
    if (now - this.lastChangeEventAt > CHANGE_EVENT_INTERVAL_MS) {
      this.lastChangeEventAt = now;
      this.onSamplesChanged();
    }
  }

  report(scanProblems: Problem[]): ImportReport {
    this.onSamplesChanged();
    return { ...this.counts, problems: [...scanProblems, ...this.problems] };
  }

  private write(result: ProcessedItem): boolean {
    const { item } = result;
    const base = {
      path: item.path,
      relPath: item.relPath,
      source: item.source,
      domain: item.domain,
      category: item.category,
      split: item.split,
      partId: item.partId,
    };
    if (!result.ok) {
      this.store.recordSampleError(base, result.error);
      this.problem(item.relPath, result.error);
      this.counts.failed += 1;
      return false;
    }
    for (const warning of result.warnings) this.problem(warning.file, warning.reason);
    const { status } = this.store.upsertImportedSample({
      ...base,
      ...result.meta,
      fileName: item.path.split(/[\\/]/).pop() ?? item.relPath,
      verdict: item.verdict,
      defectTypes: item.defectTypes,
      regions: result.annotations,
    });
    if (result.visualHash) this.store.saveVisualHash(result.meta.contentHash, result.visualHash);
    this.counts[status] += 1;
    return true;
  }

  private problem(file: string, reason: string): void {
    this.problems.push({ file, reason });
    this.context.problem(file, reason);
  }
}
