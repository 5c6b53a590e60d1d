import { z } from 'zod';
import { Problem, Region, ReviewState, SampleFilter, Split, Verdict } from './domain';
import { Point, Shape } from './geometry';
import { RegionId, SampleId } from './ids';

export const PredictionId = z.number().int().positive().brand<'PredictionId'>();
export type PredictionId = z.infer<typeof PredictionId>;
export const PredictionRegionId = z.number().int().positive().brand<'PredictionRegionId'>();
export type PredictionRegionId = z.infer<typeof PredictionRegionId>;
export const asPredictionId = (n: number): PredictionId => n as PredictionId;
export const asPredictionRegionId = (n: number): PredictionRegionId => n as PredictionRegionId;

/** Task levels L1..L5 (discrimination … analysis); texts are keyed by the level as a string. */
export const TextLevel = z.number().int().min(1).max(5);
export const TextLevelKey = z.enum(['1', '2', '3', '4', '5']);
export type TextLevelKey = z.infer<typeof TextLevelKey>;
export const Texts = z.partialRecord(TextLevelKey, z.string());
export type Texts = z.infer<typeof Texts>;

/** A reviewer's verdict on one predicted region. */
export const PredictionOutcome = z.enum(['confirmed', 'false_positive', 'retyped', 'redrawn']);
export type PredictionOutcome = z.infer<typeof PredictionOutcome>;
/** What a label region says about the model: a predicted region judged, or a defect it missed. */
export const RegionOutcome = z.enum(['confirmed', 'false_positive', 'retyped', 'redrawn', 'missed']);
export type RegionOutcome = z.infer<typeof RegionOutcome>;

export const LabelRegion = Region.extend({
  reviewOutcome: RegionOutcome.nullable(),
  predictionRegionId: PredictionRegionId.nullable(),
});
export type LabelRegion = z.infer<typeof LabelRegion>;

/** One predicted region's verdict; a false positive has no region of its own. */
export const PredictionReview = z.object({
  predictionRegionId: PredictionRegionId,
  outcome: PredictionOutcome,
  regionId: RegionId.nullable(),
});
export type PredictionReview = z.infer<typeof PredictionReview>;

export const PredictedRegionView = z.object({
  id: PredictionRegionId,
  defectType: z.string().nullable(),
  score: z.number().nullable(),
  shape: Shape,
});

/** The newest prediction for the image's current bytes, from whichever model pack made it. */
export const PredictionView = z.object({
  id: PredictionId,
  modelPack: z.object({ name: z.string(), version: z.string(), kind: z.string() }),
  score: z.number().nullable(),
  verdict: Verdict.nullable(),
  /** The image threshold the verdict rests on (the pack's, or its own for the sample's category); null: unknown. */
  threshold: z.number().nullable(),
  anomalyMapPath: z.string().nullable(),
  createdAt: z.string(),
  regions: z.array(PredictedRegionView),
  texts: Texts,
});
export type PredictionView = z.infer<typeof PredictionView>;

/** Everything the review screen shows for one image; every edit answers with the new one. */
export const LabelState = z.object({
  sampleId: SampleId,
  /** Id of the last revision applied to this label (0: none); the base of the next edit. */
  revision: z.number().int().nonnegative(),
  verdict: Verdict.nullable(),
  reviewState: ReviewState,
  /** Reviewed as a blind audit of an image the model passed as OK. */
  audit: z.boolean(),
  split: Split.nullable(),
  regions: z.array(LabelRegion),
  predictionReviews: z.array(PredictionReview),
  texts: Texts,
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  prediction: PredictionView.nullable(),
});
export type LabelState = z.infer<typeof LabelState>;

/**
 * A shape as a tool produced it, before the core has judged it: degenerate polygons, empty or
 * outside masks pass this schema so the core can answer with a message naming the region.
 */
export const DraftShape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('box'), x: z.number(), y: z.number(), w: z.number(), h: z.number() }).strict(),
  z.object({ kind: z.literal('polygon'), points: z.array(Point).max(1_000_000) }).strict(),
  z
    .object({
      kind: z.literal('mask'),
      x: z.number().int(),
      y: z.number().int(),
      w: z.number().int(),
      h: z.number().int(),
      rle: z.array(z.number().int().nonnegative()).max(50_000_000),
    })
    .strict(),
]);
export type DraftShape = z.infer<typeof DraftShape>;

const DefectTypeName = z.string().trim().min(1).max(100);

export const LabelCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setVerdict'), verdict: Verdict }).strict(),
  z
    .object({
      type: z.literal('addRegion'),
      defectType: DefectTypeName.nullable(),
      shape: DraftShape,
      /** A defect the model missed (reviewing predictions), as opposed to plain annotation. */
      missed: z.boolean().optional(),
    })
    .strict(),
  z.object({ type: z.literal('updateRegion'), regionId: RegionId, shape: DraftShape }).strict(),
  z
    .object({ type: z.literal('retypeRegion'), regionId: RegionId, defectType: DefectTypeName.nullable() })
    .strict(),
  z.object({ type: z.literal('deleteRegion'), regionId: RegionId }).strict(),
  z
    .object({
      type: z.literal('reviewPrediction'),
      predictionRegionId: PredictionRegionId,
      outcome: PredictionOutcome,
      /** Required for 'retyped'; optional otherwise (defaults to the predicted type). */
      defectType: DefectTypeName.optional(),
      /** Required for 'redrawn'. */
      shape: DraftShape.optional(),
    })
    .strict(),
  z.object({ type: z.literal('setText'), level: TextLevel, text: z.string().max(50_000) }).strict(),
  z.object({ type: z.literal('setSplit'), split: Split.nullable() }).strict(),
]);
export type LabelCommand = z.infer<typeof LabelCommand>;

export const Author = z.string().trim().min(1).max(100);

export const HistoryEntry = z.object({
  id: z.number().int().positive(),
  author: z.string(),
  at: z.string(),
  action: z.string(),
  summary: z.string(),
  /** The change is currently reverted by an undo (redo or restore brings it back). */
  undone: z.boolean(),
  predictionId: PredictionId.nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ReviewQueueInput = z
  .object({
    filter: SampleFilter.default({}),
    /** The decision threshold on the image score; images nearest it need a human most. */
    threshold: z.number().default(0.5),
    /** Share of the images the model passed as OK mixed in as blind audits. */
    auditShare: z.number().min(0).max(1).default(0.05),
    /** Same seed, same audits and positions; defaults to one fixed per project. */
    seed: z.number().int().optional(),
  })
  .strict();

export const ReviewQueue = z.object({
  ids: z.array(SampleId),
  /** The ids in `ids` chosen as blind audits (pass `audit: true` when reviewing them). */
  audits: z.array(SampleId),
});
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const ReviewStats = z.object({
  total: z.number().int().nonnegative(),
  reviewed: z.number().int().nonnegative(),
  /** Still to review; unreadable images are not counted (they cannot be reviewed). */
  left: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  auditsReviewed: z.number().int().nonnegative(),
  /** Audited images a person found NG: model escapes, for the escape-rate estimate. */
  auditsFoundNg: z.number().int().nonnegative(),
});
export type ReviewStats = z.infer<typeof ReviewStats>;

export const PredictionsImportReport = z.object({
  file: z.string(),
  records: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  /** Already in the project (same model pack version and image content). */
  unchanged: z.number().int().nonnegative(),
  problems: z.array(Problem),
});
export type PredictionsImportReport = z.infer<typeof PredictionsImportReport>;
