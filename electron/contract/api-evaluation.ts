import { z } from 'zod';
import { type MethodTable } from './api-common';
import { PackId } from './api-inference';
import { Problem, SampleFilter } from './domain';
import { JobId, SampleId } from './ids';

/** A pack by id, or by the name (and version) its predictions carry (imported ones included). */
export const EvaluatedModel = z.union([
  PackId,
  z
    .object({
      name: z.string().trim().min(1).max(200),
      version: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
]);
export type EvaluatedModel = z.infer<typeof EvaluatedModel>;

export const EvaluationStart = z
  .object({
    model: EvaluatedModel,
    /** Which images (default: all). */
    filter: SampleFilter.default({}),
    /** Only these images (and of them, those the filter passes): e.g. a fine-tune's held-out ones. */
    sampleIds: z.array(SampleId).max(1_000_000).optional(),
    /**
     * Decision threshold on the image score for accuracy, overkill and escape. Default: the
     * pack's own threshold for the images scored where its manifest is known here (its category's
     * where they are all of one category of part with a threshold of its own, else
     * `thresholds.image`), else 0.5.
     */
    threshold: z.number().finite().optional(),
    /** Heat maps and masks are resampled to this square size for pixel metrics. */
    mapSize: z.number().int().min(16).max(1024).default(256),
    pixelMetrics: z.boolean().default(true),
  })
  .strict();
export type EvaluationStartInput = z.input<typeof EvaluationStart>;
export type EvaluationStart = z.output<typeof EvaluationStart>;

const Rate = z.number().min(0).max(1).nullable();

export const AtThreshold = z.object({
  threshold: z.number(),
  tp: z.number().int().nonnegative(),
  fp: z.number().int().nonnegative(),
  fn: z.number().int().nonnegative(),
  tn: z.number().int().nonnegative(),
  accuracy: Rate,
  precision: Rate,
  recall: Rate,
  /** OK judged NG / OK images. */
  overkillRate: Rate,
  /** NG judged OK / NG images. */
  escapeRate: Rate,
});

export const SliceMetrics = z.object({
  /** "all", or the domain, category or defect type the slice holds. */
  name: z.string(),
  images: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  ng: z.number().int().nonnegative(),
  auroc: Rate,
  averagePrecision: Rate,
  f1Max: z.object({ f1: z.number().min(0).max(1), threshold: z.number() }).nullable(),
  atThreshold: AtThreshold,
  /** Null when no image of the slice had a heat map and a ground truth for its pixels. */
  pixel: z
    .object({
      images: z.number().int().nonnegative(),
      regions: z.number().int().nonnegative(),
      auroc: Rate,
      aupro: Rate,
    })
    .nullable(),
});
export type SliceMetrics = z.infer<typeof SliceMetrics>;

const Count = z.number().int().nonnegative();

export const EvaluationReport = z.object({
  pack: z.object({ name: z.string(), version: z.string(), kind: z.string() }),
  filter: SampleFilter,
  threshold: z.number(),
  /** The category of part whose own threshold `threshold` is (see EvaluationStart.threshold); else null. */
  thresholdCategory: z.string().nullable().default(null),
  mapSize: z.number().int().positive(),
  createdAt: z.string(),
  elapsedMs: z.number().nonnegative(),
  /** Images the filter chose. */
  selected: Count,
  /** Images scored: a prediction of the pack for their current bytes and an OK or NG label. */
  evaluated: Count,
  /** Images not scored (each reason is counted in `skippedBy` and listed in `problems`). */
  skipped: Count,
  skippedBy: z.object({
    noPrediction: Count,
    noScore: Count,
    fileMissing: Count,
    unreadable: Count,
    /** Label unsure or not set: no truth to score against. */
    noTruth: Count,
  }),
  /** Images left out of the pixel metrics only (still scored per image). */
  pixelSkippedBy: z.object({ noHeatmap: Count, heatmapUnreadable: Count, ngWithoutRegions: Count }),
  /** The first problems (file: reason), capped; `problemCount` has them all. */
  problems: z.array(Problem),
  problemCount: Count,
  total: SliceMetrics,
  slices: z.object({
    domain: z.array(SliceMetrics),
    category: z.array(SliceMetrics),
    /** OK images plus the NG images of that defect type. */
    defectType: z.array(SliceMetrics),
  }),
  curves: z.object({
    roc: z.array(z.object({ threshold: z.number().nullable(), fpr: z.number(), tpr: z.number() })),
    pr: z.array(z.object({ threshold: z.number(), precision: z.number(), recall: z.number() })),
  }),
  /** Bins even on `scale` (score-scale.ts); reports from before it were linear. */
  scoreHistogram: z.object({
    edges: z.array(z.number()),
    ok: z.array(Count),
    ng: z.array(Count),
    scale: z.enum(['linear', 'logit']).default('linear'),
  }),
  /** The model's own stored verdicts against the labels (thresholds of the pack, not `threshold`). */
  modelVerdicts: z.object({ tp: Count, fp: Count, fn: Count, tn: Count, unknown: Count }),
  /** L2 over images: truth defect type (or OK) against the predicted type (or OK) at `threshold`. */
  confusion: z.object({ labels: z.array(z.string()), matrix: z.array(z.array(Count)), accuracy: Rate }),
  /** L3: predicted region boxes matched greedily to label region boxes at IoU ≥ 0.5. */
  regions: z.object({
    predicted: Count,
    truth: Count,
    matched: Count,
    precision: Rate,
    recall: Rate,
    meanIou: Rate,
  }),
  texts: z.object({
    /** Open answers (L4 description, L5 analysis, and any other level with texts on both sides). */
    open: z.array(z.object({ level: z.number().int(), pairs: Count, rouge1: Rate, rougeL: Rate })),
    /** Closed answers: levels whose corrected text is an option letter (A–E). */
    closed: z.array(
      z.object({
        level: z.number().int(),
        questions: Count,
        correct: Count,
        unreadable: Count,
        accuracy: Rate,
        balancedAccuracy: Rate,
      }),
    ),
  }),
  /** Blind audits of images the model passed: audited, found NG (escapes), Wilson 95 % interval. */
  audit: z.object({ audited: Count, escapes: Count, rate: Rate, low: Rate, high: Rate }),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;

/**
 * Evaluation: a model pack's predictions against the current labels. A run is a background job
 * (kind 'evaluation'); follow it with `job:progress`, read the result with `eval:report`.
 */
export const evaluationApi = {
  'eval:start': { input: EvaluationStart, output: z.object({ jobId: JobId }) },
  'eval:report': { input: z.object({ jobId: JobId }).strict(), output: EvaluationReport },
} as const satisfies MethodTable;
