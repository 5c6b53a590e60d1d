import { z } from 'zod';
import {
  AppInfo,
  DirListing,
  Facets,
  ImportFormat,
  Job,
  ProjectSummary,
  SampleDetail,
  SampleFilter,
  SampleSort,
  SampleSummary,
  Split,
  Taxonomy,
} from './domain';
import { JobId, SampleId } from './ids';
import type { Result } from './result';

const Empty = z.object({}).strict();
const Path = z.string().min(1).max(4096);

/**
 * The one table every transport is derived from: the Electron preload bridge and main-process
 * registration, the HTTP server, the CLI and the renderer's client. Names are `domain:verb`.
 */
export const api = {
  'app:info': { input: Empty, output: AppInfo },
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

  'samples:ids': {
    input: z.object({ filter: SampleFilter.default({}), sort: SampleSort.default('path') }).strict(),
    output: z.object({ ids: z.array(SampleId) }),
  },
  'samples:page': {
    input: z.object({ ids: z.array(SampleId).max(1000) }).strict(),
    output: z.array(SampleSummary),
  },
  'samples:facets': {
    input: z.object({ filter: SampleFilter.default({}) }).strict(),
    output: Facets,
  },
  'samples:get': { input: z.object({ id: SampleId }).strict(), output: SampleDetail },

  'taxonomy:get': { input: Empty, output: Taxonomy },
} as const;

export type ApiTable = typeof api;
export type Method = keyof ApiTable;
export const methods = Object.keys(api) as Method[];

/** What a caller passes (defaults may be omitted). */
export type Input<M extends Method> = z.input<ApiTable[M]['input']>;
/** What a handler receives after parsing (defaults filled in). */
export type ParsedInput<M extends Method> = z.output<ApiTable[M]['input']>;
export type Output<M extends Method> = z.output<ApiTable[M]['output']>;

/** The core implements this; every transport calls it through `dispatch`. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** What the renderer and CLI hold: every method as an async call that never throws. */
export type ApiClient = { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
