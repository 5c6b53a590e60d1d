import { z } from 'zod';
import { Path, type MethodTable } from './api-common';
import { SliceMetrics } from './api-evaluation';
import { PackId } from './api-inference';
import { SampleFilter } from './domain';
import { JobId, SampleId } from './ids';

export const FinetuneStart = z
  .object({
    /** The mau-gpt pack to start from: a pack id, or a pack folder. */
    base: z.union([PackId, Path]),
    /** Which images are exported as training data (default: all). */
    filter: SampleFilter.default({}),
    /** Only images a reviewer decided. */
    reviewedOnly: z.boolean().default(false),
    /** Adapter training steps (default: the recipe's; 12 with smoke). */
    steps: z.number().int().min(1).max(1_000_000).optional(),
    /** Few steps on few images: checks the whole loop in well under a minute. */
    smoke: z.boolean().default(false),
  })
  .strict();
export type FinetuneStartInput = z.input<typeof FinetuneStart>;
export type FinetuneStart = z.output<typeof FinetuneStart>;

const Count = z.number().int().nonnegative();

/** One pack's evaluation on the held-out images, reduced to what a comparison shows. */
export const EvaluationSummary = z.object({
  packId: PackId,
  name: z.string(),
  version: z.string(),
  evaluated: Count,
  skipped: Count,
  total: SliceMetrics,
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const FinetuneReport = z.object({
  base: z.object({ packId: PackId.nullable(), dir: z.string(), name: z.string(), version: z.string() }),
  tuned: z.object({ packId: PackId, dir: z.string(), name: z.string(), version: z.string() }),
  /** Images of each split of the export the fine-tune trained on. */
  data: z.object({ train: Count, val: Count, test: Count }),
  steps: Count,
  trainingMs: z.number().nonnegative(),
  /** Held-out (test split) images both packs were run on and scored against. */
  heldOut: Count,
  /** Which they are, so the evaluation screen can score the two packs on exactly these. */
  heldOutIds: z.array(SampleId),
  comparison: z.object({ base: EvaluationSummary, tuned: EvaluationSummary }),
});
export type FinetuneReport = z.infer<typeof FinetuneReport>;

/**
 * Fine-tuning: the project's labels exported as MAU-Set, the recipe's AMoE-LoRA stage run on
 * top of a mau-gpt pack, the new pack registered and compared with its base on held-out images.
 * A run is a background job (kind 'training'); read the result with `finetune:report`.
 */
export const finetuneApi = {
  'finetune:start': { input: FinetuneStart, output: z.object({ jobId: JobId }) },
  'finetune:report': { input: z.object({ jobId: JobId }).strict(), output: FinetuneReport },
} as const satisfies MethodTable;
