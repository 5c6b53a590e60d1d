import type { SampleRecord } from './record-schema';

type Counter = Record<string, number>;

function bump(counter: Counter, key: string, by = 1): void {
  counter[key] = (counter[key] ?? 0) + by;
}

/** Counts for the manifest and the dataset card, gathered as records are written. */
export class ExportTally {
  samples = 0;
  regions = 0;
  readonly verdicts: Counter = {};
  readonly levels: Counter = {};
  readonly domains: Counter = {};
  readonly defectTypes: Counter = {};
  readonly splits: Counter = {};
  readonly corrections: Counter = {};
  readonly sources: Counter = {};
  readonly skipped: { file: string; sample: number; reason: string }[] = [];

  add(record: SampleRecord): void {
    this.samples++;
    this.regions += record.regions.length;
    bump(this.verdicts, record.verdict);
    bump(this.domains, record.domain ?? 'none');
    bump(this.splits, record.split);
    bump(this.corrections, record.lineage.correction);
    bump(this.sources, record.source);
    for (const region of record.regions) bump(this.defectTypes, region.type ?? 'untyped');
    for (const qa of record.qa) bump(this.levels, `L${qa.level} ${qa.form}`);
  }

  skip(file: string, sample: number, reason: string): void {
    this.skipped.push({ file, sample, reason });
  }
}
