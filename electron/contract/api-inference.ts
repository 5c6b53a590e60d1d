import { z } from 'zod';
import { Empty, Path, type MethodTable } from './api-common';
import { Job, SampleFilter, Verdict } from './domain';
import { Shape } from './geometry';
import { JobId, SampleId } from './ids';
import { PredictionId, PredictionRegionId } from './review';

/**
 * A model pack as the API names it: `pack:<n>` once registered in the project, `shipped:<folder>`
 * for a pack that ships with the app and is not registered yet (starting a run registers it).
 */
export const PackId = z
  .string()
  .regex(/^(pack:[1-9][0-9]*|shipped:[A-Za-z0-9._@+-]+)$/, 'must be pack:<n> or shipped:<folder>')
  .brand<'PackId'>();
export type PackId = z.infer<typeof PackId>;
export const asPackId = (s: string): PackId => s as PackId;

export const ModelKind = z.enum(['anomalib', 'yolo', 'mau-gpt']);
export type ModelKind = z.infer<typeof ModelKind>;

/** onnxruntime execution providers; CPU is always tried last whatever the order asked for. */
export const ExecutionProvider = z.enum(['cuda', 'dml', 'coreml', 'webgpu', 'cpu']);
export type ExecutionProvider = z.infer<typeof ExecutionProvider>;

export const ProviderFallback = z.object({ provider: ExecutionProvider, reason: z.string() });

/** Where the pack's last session ended up, and why the providers before it were passed over. */
export const SessionRecord = z.object({
  provider: ExecutionProvider,
  fallbacks: z.array(ProviderFallback),
  threads: z.number().int().positive().nullable(),
  openedAt: z.string(),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

export const ModelInput = z.object({
  name: z.string(),
  shape: z.array(z.union([z.number(), z.string()])),
  dtype: z.string(),
  colourOrder: z.enum(['RGB', 'BGR']),
  resize: z
    .object({ mode: z.enum(['stretch', 'letterbox']), width: z.number(), height: z.number() })
    .nullable(),
  normalise: z.object({ mean: z.array(z.number()), std: z.array(z.number()), scale: z.number() }).nullable(),
});

export const ModelPackInfo = z.object({
  packId: PackId,
  kind: ModelKind,
  name: z.string(),
  version: z.string(),
  /** anomalib: v1 | v2; yolo: detect/raw, segment/nms, …; null for kinds without variants. */
  variant: z.string().nullable(),
  description: z.string(),
  /** Licence, authors, source, training data, intended use, limitations, as the pack states them. */
  card: z.record(z.string(), z.unknown()),
  dir: z.string(),
  /** Ships with the app (found in the models folder). */
  shipped: z.boolean(),
  registered: z.boolean(),
  addedAt: z.string().nullable(),
  inputs: z.array(ModelInput),
  outputs: z.array(z.object({ name: z.string(), role: z.string() })),
  labels: z.array(z.string()),
  /** A MAU-GPT pack's defect-type head (options.defectTypes): the labels each category of part may take. */
  labelsByCategory: z.record(z.string(), z.array(z.string())).optional(),
  thresholds: z.object({
    image: z.number().nullable(),
    pixel: z.number().nullable(),
    normalisation: z.object({ min: z.number(), max: z.number() }).nullable(),
    /** A MAU-GPT pack's per-category overrides (options.categoryThresholds), by category. */
    byCategory: z
      .record(
        z.string(),
        z.object({
          image: z.number().optional(),
          pixel: z.number().optional(),
          /** The category's image score: the mean of this fraction of the map's highest pixels. */
          imageTopFraction: z.number().optional(),
          /** Regions are listed only where the map peaks at this. */
          regionPeak: z.number().optional(),
        }),
      )
      .optional(),
  }),
  files: z.array(
    z.object({ path: z.string(), role: z.string(), sha256: z.string(), bytes: z.number().nullable() }),
  ),
  /** Null until a session was opened for the pack in this project. */
  session: SessionRecord.nullable(),
  predictionCount: z.number().int().nonnegative(),
  /** Why the pack cannot run as it stands (folder gone, manifest broken); null when fine. */
  problem: z.string().nullable(),
});
export type ModelPackInfo = z.infer<typeof ModelPackInfo>;

/** The packs with predictions in this project (run here or imported from a file), newest first. */
export const ReviewPacks = z.object({
  packs: z.array(
    z.object({
      packId: PackId,
      name: z.string(),
      version: z.string(),
      kind: z.string(),
      predictionCount: z.number().int().positive(),
    }),
  ),
  /** Whose predictions review shows; null: the newest prediction of any pack. */
  underReview: PackId.nullable(),
});
export type ReviewPacks = z.infer<typeof ReviewPacks>;

export const PredictedRegionDetail = z.object({
  id: PredictionRegionId,
  defectType: z.string().nullable(),
  score: z.number().nullable(),
  shape: Shape,
  /** Source-image pixels. */
  areaPx: z.number().nonnegative(),
});

/** One model pack's answer for the image's current bytes. Immutable. */
export const PredictionDetail = z.object({
  id: PredictionId,
  sampleId: SampleId,
  /** Null when the pack is no longer registered (its predictions stay). */
  packId: PackId.nullable(),
  pack: z.object({ name: z.string(), version: z.string(), kind: z.string() }),
  contentHash: z.string(),
  score: z.number().nullable(),
  verdict: Verdict.nullable(),
  /** True when the verdict rests on thresholds the model or pack was calibrated with; null: unknown. */
  calibrated: z.boolean().nullable(),
  regions: z.array(PredictedRegionDetail),
  /**
   * The sample's `heatmap` media serves this prediction's anomaly map: it has one, and it is the
   * sample's latest prediction (the media always shows the latest).
   */
  heatmap: z.boolean(),
  provider: z.string().nullable(),
  createdAt: z.string(),
});
export type PredictionDetail = z.infer<typeof PredictionDetail>;

const Threads = z.number().int().min(1).max(256);

export const InferenceStart = z
  .object({
    packId: PackId,
    /** Exactly these images; or `filter`; neither: the whole project. */
    sampleIds: z.array(SampleId).min(1).max(1_000_000).optional(),
    filter: SampleFilter.optional(),
    /** Providers to try in order (default: the platform's GPU path, then CPU). */
    providers: z.array(ExecutionProvider).max(5).optional(),
    threads: Threads.optional(),
    /** Run images again even when this pack version already predicted their content. */
    force: z.boolean().default(false),
  })
  .strict()
  .refine((i) => !(i.sampleIds && i.filter), { message: 'give sampleIds or filter, not both' });

/**
 * Model packs and inference. A run is a background job (kind 'inference'): follow it with
 * `job:progress`, read failures with `jobs:problems`; its outcome counts predicted, skipped
 * (already predicted for that content) and failed images.
 */
export const inferenceApi = {
  'models:list': { input: Empty, output: z.array(ModelPackInfo) },
  /** Loads the pack folder, verifies every file's sha256, and registers it in the project. */
  'models:add': { input: z.object({ dir: Path }).strict(), output: ModelPackInfo },
  /** Wraps a raw anomalib or Ultralytics YOLO export as a pack in `<project>/models/<name>/`. */
  'models:importOnnx': {
    input: z
      .object({
        onnxPath: Path,
        kind: z.enum(['anomalib', 'yolo']),
        name: z.string().trim().min(1).max(100).optional(),
      })
      .strict(),
    output: ModelPackInfo,
  },
  /** Unregisters the pack; its predictions stay (they are immutable records). */
  'models:remove': {
    input: z.object({ packId: PackId }).strict(),
    output: z.object({ predictionsKept: z.number().int().nonnegative() }),
  },

  'inference:start': { input: InferenceStart, output: z.object({ jobId: JobId }) },
  /** Moves an image of a running or queued job to the front (the image on screen first). */
  'inference:prioritize': {
    input: z.object({ jobId: JobId, sampleId: SampleId }).strict(),
    output: z.object({ queued: z.boolean() }),
  },
  /** The latest prediction for the image's current content (of one pack when given), or null. */
  /**
   * Which pack's predictions review shows (labels:get, the heat map, the queue's order,
   * predictions:get without a pack); null: the newest prediction of any pack, as before a choice.
   */
  'models:setReviewPack': { input: z.object({ packId: PackId.nullable() }).strict(), output: ReviewPacks },
  'models:reviewPacks': { input: Empty, output: ReviewPacks },
  'predictions:get': {
    input: z.object({ sampleId: SampleId, packId: PackId.optional() }).strict(),
    output: PredictionDetail.nullable(),
  },
  /** Inference jobs that can be resumed (interrupted by a crash or restart, cancelled, failed), newest first. */
  'inference:resumable': { input: Empty, output: z.array(Job) },
  /**
   * Runs an interrupted or cancelled inference job again as a new job, skipping the images it
   * (or anything else) already predicted with that pack version.
   */
  'jobs:resume': { input: z.object({ jobId: JobId }).strict(), output: z.object({ jobId: JobId }) },
} as const satisfies MethodTable;
