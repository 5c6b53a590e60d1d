import { z } from 'zod';

const positiveInt = z.number().int().positive();
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const VisionOptions = z
  .object({
    imageSize: positiveInt.max(8192),
    numVisualTokens: positiveInt,
    anomalyFeatureSize: positiveInt,
    mean: z.array(finite).length(3),
    std: z.array(finite.refine((v) => v !== 0, 'must not be 0')).length(3),
    tiling: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('resize') }),
        z.object({
          mode: z.literal('tiles'),
          overlap: z.number().int().nonnegative(),
          /** How overlapping tiles combine: evenly ('mean', older packs) or weighted towards each tile's centre. */
          blend: z.enum(['mean', 'feather']).default('mean'),
        }),
      ])
      .default({ mode: 'resize' }),
    /**
     * Map trunks of a category of part's own (`category-anomaly-map` graphs): the tiles of an image
     * of that category run on its graph instead of the pack's `anomaly-map` graph.
     */
    categoryMaps: z.record(z.string().min(1), z.string().min(1)).optional(),
  })
  .strict();

export const DecoderOptions = z
  .object({
    numLayers: positiveInt,
    numHeads: positiveInt,
    headDim: positiveInt,
    hidden: positiveInt,
    vocabSize: positiveInt,
    maxContext: positiveInt,
  })
  .strict();

const GroundedLevel = z
  .object({
    ok: z.string().min(1).optional(),
    ng: z.string().min(1).optional(),
    /** Replaces `ng` when the map marked at least one region; may say `{regions}` or `{defects}`. */
    ngWithRegions: z.string().min(1).optional(),
    /**
     * Replaces both when the defect-type head listed exactly one type, named by `{type}` as the
     * export names it ("r1 ({type})" → "r1 (crazing)"); one that says `{regions}` or `{defects}`
     * applies only where the map marked a region.
     */
    ngOneType: z.string().min(1).optional(),
    avoidWhenNg: z.array(z.string().min(1)).max(32).optional(),
  })
  .strict();

/**
 * L3 and L4 may also be said from the map: with `fromRegions`, an NG image's listed regions are the
 * whole answer, worded as the export words labelled ones (L3: each region's type, grid cell and box;
 * L4: its size, shape and contrast with its surroundings, measured on the image), so the places and
 * sizes are the regions drawn beside it rather than numbers the decoder recalls.
 */
const GroundedWhere = GroundedLevel.extend({
  fromRegions: z.boolean().optional(),
  /** With fromRegions, the whole answer on an NG image that lists no region (none peaks high enough). */
  ngWithoutRegions: z.string().min(1).optional(),
}).strict();

/**
 * options.categoryThresholds: a category of part's own thresholds, overriding the pack's, and the
 * image score its image threshold is meant for: `imageTopFraction` scores a tiled image by the mean
 * of its stitched map's highest fraction of pixels (0: the highest pixel) instead of the largest
 * tile score (image-score.ts). `regionPeak` lists a region traced at the pixel threshold only where
 * its highest map value reaches it, which drops faint specks (models/recipe/regions.py).
 */
export const CategoryThresholds = z.record(
  z.string().min(1),
  z
    .object({
      image: finite.optional(),
      pixel: finite.optional(),
      imageTopFraction: z.number().min(0).max(1).optional(),
      /** A traced region is listed only where its highest map value reaches this (hysteresis). */
      regionPeak: z.number().min(0).max(1).optional(),
    })
    .strict(),
);

/** The sample's category's entry of options.categoryThresholds, where the pack has one. */
export function categoryEntry(
  options: { categoryThresholds?: z.infer<typeof CategoryThresholds> },
  category: string | undefined,
): z.infer<typeof CategoryThresholds>[string] | undefined {
  return category === undefined ? undefined : options.categoryThresholds?.[category];
}

export const LEVELS = ['1', '2', '3', '4', '5'] as const;
export type Level = (typeof LEVELS)[number];

export const DefectTypes = z
  .object({
    labels: z.array(z.string().min(1)).min(1),
    byCategory: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    threshold: z.number().gt(0).lt(1),
    /**
     * The region-type head (defect_types.onnx's `region_type_logits`): how a region's crop is
     * cut, `scale` × its longer side, at least `minSide` pixels (region_types.crop_box).
     */
    regions: z
      .object({ scale: z.number().positive().max(64), minSide: z.number().int().positive() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((types, ctx) => {
    for (const [category, labels] of Object.entries(types.byCategory)) {
      const unknown = labels.filter((label) => !types.labels.includes(label));
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['byCategory', category],
          message: `names ${unknown.join(', ')}, which labels does not list`,
        });
    }
  });
export type DefectTypes = z.infer<typeof DefectTypes>;

export const MauGptOptions = z
  .object({
    vision: VisionOptions,
    decoder: DecoderOptions,
    prompt: z
      .object({
        template: z.string().refine((t) => t.includes('{question}'), 'must contain {question}'),
      })
      .strict(),
    /**
     * One question per task level L1..L5; the answers become the prediction's texts. `{object}`
     * is replaced by what the image shows, worded as the MAU-Set export words it ("ball screw",
     * "PCB", "part" when the sample has no category), so the questions are ones the decoder saw.
     */
    questions: z.object({
      '1': z.string().min(1),
      '2': z.string().min(1),
      '3': z.string().min(1),
      '4': z.string().min(1),
      '5': z.string().min(1),
    }),
    /**
     * Start every L1 answer from the anomaly head's verdict: `yes` when the image score reaches
     * thresholds.image, else `no` (`{object}` filled as in the questions); the decoder writes the
     * rest. The text then never contradicts the verdict shown beside it (an ungrounded decoder did
     * in a third of test images). `yesWithRegions` replaces `yes` when the map marked at least
     * one region, and may say how many as the export does: `{regions}` ("3 defective regions")
     * or `{defects}` ("are 3 defects", "is 1 defect"), so the count read beside the region list
     * is the list's own. `yesWithoutRegions` is the whole answer on an image called NG where no
     * region is listed (none peaks at the category's regionPeak): left to go on after `yes`, the
     * decoder said "shows 1 defective region" beside an empty list.
     */
    groundedL1: z
      .object({
        yes: z.string().min(1),
        no: z.string().min(1),
        yesWithRegions: z.string().min(1).optional(),
        yesWithoutRegions: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /**
     * Levels 2–5 kept on the verdict's side too, each on its own terms: when the verdict is OK the
     * answer starts with `ok` (the export's words for a clean part); when it is NG it starts with
     * `ng` where given (the export's opening for a defect, "Likely cause of the") and may not say
     * any of `avoidWhenNg` (a clean part's words). Without this the decoder could say "there is
     * no defect" at L2 beside a grounded "Yes." at L1.
     */
    groundedLevels: z
      .object({ '2': GroundedLevel, '3': GroundedWhere, '4': GroundedWhere, '5': GroundedLevel })
      .partial()
      .strict()
      .optional(),
    /**
     * Thresholds of one category of part (the sample's category, "pcb", "ball_screw"), chosen on
     * that category's validation images, overriding the pack's thresholds for it. One score scale
     * rarely suits every product: a threshold chosen on all categories at once called most clean
     * PCBs defective. A category not listed uses the pack's thresholds.
     */
    categoryThresholds: CategoryThresholds.optional(),
    /**
     * The defect-type head (`defect-types` graph: pixel_values → type_logits, one logit per
     * label): which types an image called NG shows. The L2 answer then says them as the export
     * does, and a single type names the regions. `byCategory` lists the labels a category of part
     * may take (a ball screw is never called a PCB short); `threshold` is the sigmoid at which a
     * further type is listed after the most likely one.
     */
    defectTypes: DefectTypes.optional(),
    /** How the decoder was adapted; informative only: the adapter lives inside the graph. */
    adapter: z
      .object({ kind: z.string().min(1) })
      .catchall(z.unknown())
      .optional(),
  })
  .strict();
export type MauGptOptions = z.infer<typeof MauGptOptions>;

export function promptFor(options: MauGptOptions, question: string): string {
  return options.prompt.template.replace('{question}', question);
}
