import path from 'node:path';
import type {
  DefectType,
  Facets,
  Job,
  ProjectSummary,
  SampleDetail,
  SampleFilter,
  SampleSort,
  SampleSummary,
  Taxonomy,
} from '../../contract/domain';
import type { PredictionView } from '../../contract/review';
import { AppError } from '../../contract/result';
import { openDatabase } from './connection';
import { facets } from './facets';
import * as roots from './image-roots';
import * as jobs from './jobs';
import { getMeta, setMeta } from './meta';
import { migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { dbFile, ensureCacheDir, isProjectDir, prepareNewProjectDir, removeDbFiles } from './project-files';
import * as predictions from './predictions';
import * as inferenceJobs from './inference-jobs';
import * as inferenceReads from './inference-reads';
import * as inferenceRecords from './inference-records';
import * as packs from './model-packs';
import { predictingPacks, reviewPackRow, setReviewPackRow, type PredictingPack } from './review-pack';
import * as history from './revisions';
import * as queries from './sample-queries';
import * as importing from './samples-import';
import { nowIso, type Db } from './sql';
import * as tax from './taxonomy';
import * as visual from './visual-hashes';
import type {
  ImportedSampleInput,
  ImportStatus,
  RevisionInput,
  RevisionRecord,
  SampleErrorInput,
  StoredSample,
} from './types';

export type CreateOptions = { appVersion?: string };

/**
 * One open project: a folder with project.sqlite (and cache/). Synchronous on purpose:
 * better-sqlite3 answers grid queries in milliseconds, and the main process owns the file.
 * Methods throw AppError for what a user can act on; anything else is a bug.
 */
export class ProjectStore {
  private connection: Db | null;

  private constructor(
    readonly dir: string,
    db: Db,
  ) {
    this.connection = db;
  }

  static create(dir: string, name: string, options: CreateOptions = {}): ProjectStore {
    const root = path.resolve(dir);
    prepareNewProjectDir(root);
    const db = openDatabase(dbFile(root), 'create');
    try {
      migrate(db, migrations, dbFile(root));
      db.transaction(() => {
        setMeta(db, 'name', name.trim() || path.basename(root));
        setMeta(db, 'created_at', nowIso());
        setMeta(db, 'app_version', options.appVersion ?? 'unknown');
      })();
    } catch (error) {
      db.close();
      removeDbFiles(root);
      throw error;
    }
    return new ProjectStore(root, db);
  }

  static open(dir: string): ProjectStore {
    const root = path.resolve(dir);
    if (!isProjectDir(root)) {
      throw new AppError('NOT_FOUND', `${root} is not a MAU Studio project: it has no project.sqlite`);
    }
    const db = openDatabase(dbFile(root), 'open');
    try {
      migrate(db, migrations, dbFile(root));
    } catch (error) {
      db.close();
      throw error;
    }
    ensureCacheDir(root);
    return new ProjectStore(root, db);
  }

  static isProjectDir(dir: string): boolean {
    return isProjectDir(path.resolve(dir));
  }

  /** The connection, for modules of core/store that extend the store (review, inference, …). */
  get db(): Db {
    if (!this.connection) throw new AppError('NO_PROJECT', `the project in ${this.dir} is closed`);
    return this.connection;
  }

  get isOpen(): boolean {
    return this.connection !== null;
  }

  /** Folds the WAL back into project.sqlite, so the closed project is one file to copy. */
  close(): void {
    const db = this.connection;
    if (!db) return;
    this.connection = null;
    try {
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  }

  summary(): ProjectSummary {
    return {
      dir: this.dir,
      name: getMeta(this.db, 'name') ?? path.basename(this.dir),
      createdAt: getMeta(this.db, 'created_at') ?? '',
      schemaVersion: schemaVersion(this.db),
      sampleCount: queries.sampleCount(this.db),
      imageRoots: roots.imageRoots(this.db),
    };
  }

  /** Runs `fn` atomically: all of its writes land, or none do. Nested calls become savepoints. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // taxonomy
  ensureDomainCategory(domain: string | null, category: string | null): void {
    tax.ensureDomainCategory(this.db, domain, category);
  }
  ensureDefectType(name: string, category: string | null = null): DefectType {
    return tax.ensureDefectType(this.db, name, category);
  }
  taxonomy(): Taxonomy {
    return tax.taxonomy(this.db);
  }

  // image roots
  addImageRoot(root: string): string {
    return roots.addImageRoot(this.db, root);
  }
  imageRoots(): string[] {
    return roots.imageRoots(this.db);
  }
  isInsideImageRoots(candidate: string): boolean {
    return roots.isInsideImageRoots(this.db, candidate);
  }

  // import
  findSampleByPath(samplePath: string): StoredSample | undefined {
    return importing.findSampleByPath(this.db, samplePath);
  }
  findSamplesByHash(hash: string): StoredSample[] {
    return importing.findSamplesByHash(this.db, hash);
  }
  upsertImportedSample(input: ImportedSampleInput): { id: number; status: ImportStatus } {
    return importing.upsertImportedSample(this.db, input);
  }
  recordSampleError(input: SampleErrorInput, reason: string): { id: number; status: ImportStatus } {
    return importing.recordSampleError(this.db, input, reason);
  }
  saveVisualHash(contentHash: string, hash: string): void {
    visual.saveVisualHash(this.db, contentHash, hash);
  }
  visualHashesOf(ids: readonly number[]): visual.VisualHashRow[] {
    return visual.visualHashesOf(this.db, ids);
  }

  // queries
  sampleIds(filter: SampleFilter = {}, sort: SampleSort = 'path'): number[] {
    return queries.sampleIds(this.db, filter, sort);
  }
  samplePage(ids: readonly number[]): SampleSummary[] {
    return queries.samplePage(this.db, ids);
  }
  sampleDetail(id: number): SampleDetail | undefined {
    return queries.sampleDetail(this.db, id);
  }
  sampleMediaSource(id: number): queries.SampleMediaSource | undefined {
    return queries.sampleMediaSource(this.db, id);
  }
  sampleIdsHead(filter: SampleFilter, sort: SampleSort, limit: number): { ids: number[]; total: number } {
    return queries.sampleIdsHead(this.db, filter, sort, limit);
  }

  sampleCount(): number {
    return queries.sampleCount(this.db);
  }
  facets(filter: SampleFilter = {}): Facets {
    return facets(this.db, filter);
  }

  // jobs
  saveJob(job: Job, params?: unknown, report?: unknown): void {
    jobs.saveJob(this.db, job, params, report);
  }
  listJobs(limit = 50): Job[] {
    return jobs.listJobs(this.db, limit);
  }
  getJob(id: string): Job | undefined {
    return jobs.getJob(this.db, id);
  }
  getJobParams(id: string): unknown {
    return jobs.getJobParams(this.db, id);
  }
  getJobReport(id: string): unknown {
    return jobs.getJobReport(this.db, id);
  }

  // revisions
  appendRevision(input: RevisionInput): number {
    return history.appendRevision(this.db, input);
  }
  revisions(sampleId: number): RevisionRecord[] {
    return history.revisions(this.db, sampleId);
  }

  // predictions
  /** Immutable; the same pack version and content again returns the existing id. */
  insertPrediction(input: predictions.PredictionInput): number {
    return predictions.putPrediction(this.db, input).id;
  }
  latestPrediction(sampleId: number): PredictionView | null {
    return predictions.latestPrediction(this.db, sampleId);
  }

  // model packs and inference runs
  registerPack(input: packs.PackRegistration): { id: number; created: boolean } {
    return packs.registerPack(this.db, input);
  }
  packRecord(id: number): packs.PackRecord | undefined {
    return packs.packRecord(this.db, id);
  }
  registeredPacks(): packs.PackRecord[] {
    return packs.registeredPacks(this.db);
  }
  /** Predictions stay: they are immutable records. Returns how many the pack has. */
  unregisterPack(id: number): number {
    return packs.unregisterPack(this.db, id);
  }
  packPredictionCount(id: number): number {
    return packs.packPredictionCount(this.db, id);
  }
  /** The pack row review shows the predictions of; null: the newest of any pack. */
  reviewPack(): number | null {
    return reviewPackRow(this.db);
  }
  setReviewPack(rowId: number | null): void {
    setReviewPackRow(this.db, rowId);
  }
  predictingPacks(): PredictingPack[] {
    return predictingPacks(this.db);
  }
  setPackSession(packId: number, record: inferenceRecords.PackSessionRecord): void {
    inferenceRecords.setPackSession(this.db, packId, record);
  }
  packSession(packId: number): inferenceRecords.PackSessionRecord | undefined {
    return inferenceRecords.packSession(this.db, packId);
  }
  setPredictionRun(predictionId: number, record: inferenceRecords.PredictionRunRecord): void {
    inferenceRecords.setPredictionRun(this.db, predictionId, record);
  }
  inferenceSamples(ids: readonly number[]): inferenceReads.InferenceSample[] {
    return inferenceReads.inferenceSamples(this.db, ids);
  }
  predictedHashes(packId: number): Set<string> {
    return inferenceReads.predictedHashes(this.db, packId);
  }
  latestPredictionRecord(sampleId: number, packId?: number): inferenceReads.PredictionRecord | null {
    return inferenceReads.latestPredictionRecord(this.db, sampleId, packId);
  }
  setJobParams(jobId: string, params: unknown): void {
    inferenceJobs.setJobParams(this.db, jobId, params);
  }
  markInterruptedJobs(kind: string, message: string, live: readonly string[]): string[] {
    return inferenceJobs.markInterruptedJobs(this.db, kind, message, live);
  }
}
