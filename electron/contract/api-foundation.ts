import { z } from 'zod';
import {
  AppInfo,
  DirListing,
  Facets,
  ImportFormat,
  Job,
  Problem,
  ProjectSummary,
  SampleDetail,
  SampleFilter,
  SampleSort,
  SampleSummary,
  Split,
  Taxonomy,
} from './domain';
import { JobId, SampleId } from './ids';
import { Empty, Path, type MethodTable } from './api-common';
import { THUMBS_PER_CALL } from './media';

/** Projects, import, jobs, browsing: the workstation's skeleton. */
export const foundationApi = {
  'app:info': { input: Empty, output: AppInfo },
  /**
   * A person just pressed a key, clicked or scrolled in a window. Background jobs step aside for
   * a moment so the answers that input asks for are not queued behind them; the window's own
   * refreshes (lists re-read after job events) do not send it, so they never slow a job.
   */
  'app:activity': { input: Empty, output: z.null() },
  'fs:list': { input: z.object({ dir: Path.optional() }).strict(), output: DirListing },

  'project:create': {
    input: z.object({ dir: Path, name: z.string().min(1).max(200).optional() }).strict(),
    output: ProjectSummary,
  },
  'project:open': { input: z.object({ dir: Path }).strict(), output: ProjectSummary },
  'project:current': { input: Empty, output: ProjectSummary.nullable() },
  'project:close': { input: Empty, output: z.null() },

  'import:start': {
    input: z
      .object({
        source: Path,
        format: ImportFormat.default('auto'),
        /** Name of the source dataset in the project (defaults to the folder name). */
        sourceName: z.string().min(1).max(100).optional(),
        /** Use only the rows a dataset manifest marks as its small test fixture. */
        fixtureOnly: z.boolean().optional(),
        /** Force every imported image into this split (otherwise the dataset's own). */
        split: Split.optional(),
      })
      .strict(),
    output: z.object({ jobId: JobId }),
  },

  'jobs:list': { input: Empty, output: z.array(Job) },
  'jobs:get': { input: z.object({ jobId: JobId }).strict(), output: Job },
  'jobs:cancel': { input: z.object({ jobId: JobId }).strict(), output: Job },
  /** Every problem of a job (the Job itself carries only the first few). */
  'jobs:problems': {
    input: z
      .object({
        jobId: JobId,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(5000).default(500),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), problems: z.array(Problem) }),
  },

  /**
   * The filter's ids in display order and how many there are. With `limit`, only the first
   * `limit` ids: enough for a first screen of a big project while the whole list follows.
   */
  'samples:ids': {
    input: z
      .object({
        filter: SampleFilter.default({}),
        sort: SampleSort.default('path'),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .strict(),
    output: z.object({ ids: z.array(SampleId), total: z.number().int().nonnegative() }),
  },
  'samples:page': {
    input: z.object({ ids: z.array(SampleId).max(1000) }).strict(),
    output: z.array(SampleSummary),
  },
  /**
   * Thumbnails of these samples as `data:` URLs, or why one has none. A grid screen asks for its
   * tiles in one call: as one URL each they queued on HTTP/1.1's six connections per host.
   */
  'samples:thumbs': {
    input: z.object({ ids: z.array(SampleId).min(1).max(THUMBS_PER_CALL) }).strict(),
    output: z.array(
      z.union([
        z.object({ id: SampleId, url: z.string().startsWith('data:image/') }).strict(),
        z.object({ id: SampleId, error: z.string() }).strict(),
      ]),
    ),
  },
  'samples:facets': {
    input: z.object({ filter: SampleFilter.default({}) }).strict(),
    output: Facets,
  },
  'samples:get': { input: z.object({ id: SampleId }).strict(), output: SampleDetail },

  'taxonomy:get': { input: Empty, output: Taxonomy },
} as const satisfies MethodTable;
