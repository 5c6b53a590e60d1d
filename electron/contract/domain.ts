import { z } from 'zod';
import { DefectTypeId, JobId, RegionId, SampleId } from './ids';
import { Shape } from './geometry';
import { REVIEW_STATES } from './review-states';

export const Verdict = z.enum(['OK', 'NG', 'unsure']);
export type Verdict = z.infer<typeof Verdict>;

export const Split = z.enum(['train', 'val', 'test']);
export type Split = z.infer<typeof Split>;

/** What the queue shows at a glance for each image. */
export const ReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewState>;

export const ImportFormat = z.enum([
  'auto',
  'folder',
  'mvtec',
  'labelme',
  'bsdata',
  'deeppcb',
  'voc',
  'coco',
  'yolo',
]);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const DefectType = z.object({
  id: DefectTypeId,
  name: z.string(),
  category: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  hotkey: z.string().nullable(),
  rule: z.string(),
});
export type DefectType = z.infer<typeof DefectType>;

export const Taxonomy = z.object({
  domains: z.array(z.object({ name: z.string(), categories: z.array(z.string()) })),
  defectTypes: z.array(DefectType),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

export const Region = z.object({
  id: RegionId,
  defectType: z.string().nullable(),
  shape: Shape,
  /** Where the region came from: imported ground truth or drawn by a person. */
  origin: z.enum(['imported', 'human']),
});
export type Region = z.infer<typeof Region>;

export const SampleSummary = z.object({
  id: SampleId,
  fileName: z.string(),
  relPath: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  source: z.string(),
  category: z.string().nullable(),
  split: Split.nullable(),
  verdict: Verdict.nullable(),
  defectTypes: z.array(z.string()),
  reviewState: ReviewState,
  regionCount: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type SampleSummary = z.infer<typeof SampleSummary>;

export const SampleDetail = SampleSummary.extend({
  path: z.string(),
  contentHash: z.string(),
  fileSize: z.number().int().nonnegative(),
  format: z.string(),
  bitDepth: z.number().int().positive(),
  channels: z.number().int().positive(),
  partId: z.string().nullable(),
  domain: z.string().nullable(),
  regions: z.array(Region),
  importedAt: z.string(),
});
export type SampleDetail = z.infer<typeof SampleDetail>;

export const SampleFilter = z
  .object({
    verdicts: z.array(z.union([Verdict, z.literal('none')])).optional(),
    defectTypes: z.array(z.string()).optional(),
    splits: z.array(z.union([Split, z.literal('none')])).optional(),
    sources: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    reviewStates: z.array(ReviewState).optional(),
    /** Case-insensitive substring of the relative path. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type SampleFilter = z.infer<typeof SampleFilter>;

export const SampleSort = z.enum(['path', 'imported', 'source']);
export type SampleSort = z.infer<typeof SampleSort>;

const FacetCount = z.object({ value: z.string(), count: z.number().int().nonnegative() });
export const Facets = z.object({
  total: z.number().int().nonnegative(),
  /** Count of the whole project, ignoring the filter ("128 / 644"). */
  projectTotal: z.number().int().nonnegative(),
  verdicts: z.array(FacetCount),
  defectTypes: z.array(FacetCount.extend({ color: z.string() })),
  splits: z.array(FacetCount),
  sources: z.array(FacetCount),
  categories: z.array(FacetCount),
  reviewStates: z.array(FacetCount),
});
export type Facets = z.infer<typeof Facets>;

export const ProjectSummary = z.object({
  dir: z.string(),
  name: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  sampleCount: z.number().int().nonnegative(),
  imageRoots: z.array(z.string()),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const Problem = z.object({ file: z.string(), reason: z.string() });
export type Problem = z.infer<typeof Problem>;

export const JobState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const Job = z.object({
  id: JobId,
  kind: z.enum(['import', 'inference', 'export', 'training', 'evaluation']),
  title: z.string(),
  state: JobState,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Estimated milliseconds left; null until enough items finished to estimate. */
  etaMs: z.number().nonnegative().nullable(),
  message: z.string(),
  /** The first problems (capped); the full list is in the job's report. */
  problems: z.array(Problem),
  problemCount: z.number().int().nonnegative(),
  /** Counts by outcome once known, e.g. { added: 38, unchanged: 0, failed: 2 } for an import. */
  outcome: z.record(z.string(), z.number()),
});
export type Job = z.infer<typeof Job>;

export const ImportReport = z.object({
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  problems: z.array(Problem),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const DirEntry = z.object({
  name: z.string(),
  kind: z.enum(['dir', 'file']),
  isProject: z.boolean(),
});

export const DirListing = z.object({
  dir: z.string(),
  parent: z.string().nullable(),
  entries: z.array(DirEntry),
});
export type DirListing = z.infer<typeof DirListing>;

export const RecentProject = z.object({ dir: z.string(), name: z.string(), openedAt: z.string() });

export const AppInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'http']),
  platform: z.string(),
  homeDir: z.string(),
  recentProjects: z.array(RecentProject),
});
export type AppInfo = z.infer<typeof AppInfo>;
