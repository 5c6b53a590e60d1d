import { z } from 'zod';
import { OPTION_LETTERS, POSITION_WORDS } from '../../mauset-qa/types';

/**
 * The MAU-Set v1 records (docs/MAU-SET-FORMAT.md) as zod schemas: the writer's tests, the model
 * recipe and the evaluation read exports through these, so a field changes in one place.
 */
export const MAUSET_FORMAT = 'mau-set';
export const MAUSET_VERSION = '1.0';

const Letter = z.enum(OPTION_LETTERS);
const Task = z.enum(['discrimination', 'classification', 'localization', 'description', 'analysis']);

export const QaRecord = z
  .object({
    level: z.number().int().min(1).max(5),
    task: Task,
    form: z.enum(['closed', 'open']),
    question: z.string().min(1),
    options: z.partialRecord(Letter, z.string().min(1)).optional(),
    answer: z.string().min(1),
    regions: z.array(z.string()).optional(),
  })
  .superRefine((qa, ctx) => {
    if (qa.form === 'open') {
      if (qa.options) ctx.addIssue({ code: 'custom', message: 'an open question has no options' });
      return;
    }
    const letters = Object.keys(qa.options ?? {});
    if (letters.length < 2 || letters.length > 5)
      ctx.addIssue({ code: 'custom', message: `a closed question needs 2-5 options, has ${letters.length}` });
    if (letters.join('') !== OPTION_LETTERS.slice(0, letters.length).join(''))
      ctx.addIssue({
        code: 'custom',
        message: `options must be lettered A, B, … in order, got ${letters.join('')}`,
      });
    if (!letters.includes(qa.answer))
      ctx.addIssue({ code: 'custom', message: `answer ${qa.answer} is not one of the options` });
  });
export type QaRecord = z.infer<typeof QaRecord>;

export const RegionRecord = z.object({
  id: z.string().regex(/^r\d+$/),
  type: z.string().nullable(),
  /** x, y, w, h in source pixels. */
  bbox: z.tuple([z.number(), z.number(), z.number().nonnegative(), z.number().nonnegative()]),
  polygon: z
    .array(z.tuple([z.number(), z.number()]))
    .min(3)
    .nullable(),
  /** Relative to the export; null when the region covers no pixel centre. */
  mask: z.string().nullable(),
  area_px: z.number().int().nonnegative(),
  position: z.enum(POSITION_WORDS),
  /** How the region was drawn in the project (extension): box, polygon or mask. */
  shape: z.enum(['box', 'polygon', 'mask']),
});
export type RegionRecord = z.infer<typeof RegionRecord>;

export const Correction = z.enum(['confirmed', 'corrected', 'added', 'imported']);
export type Correction = z.infer<typeof Correction>;

export const LineageRecord = z.object({
  label_revision: z.number().int().nonnegative(),
  reviewer: z.string().nullable(),
  reviewed_at: z.string().nullable(),
  correction: Correction,
  prediction: z.object({ model: z.string(), version: z.string(), score: z.number().nullable() }).nullable(),
  audit: z.boolean(),
});
export type LineageRecord = z.infer<typeof LineageRecord>;

export const Split = z.enum(['train', 'val', 'test']);

export const SampleRecord = z.object({
  id: z.string().min(1),
  image: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  domain: z.string().nullable(),
  category: z.string().nullable(),
  source: z.string(),
  split: Split,
  /** The split the project had (from the dataset or a reviewer); `split` is the leak-free one. */
  source_split: Split.nullable(),
  /** What keeps views of one part together (extension). */
  group: z.string(),
  verdict: z.enum(['OK', 'NG']),
  regions: z.array(RegionRecord),
  qa: z.array(QaRecord).min(2),
  lineage: LineageRecord,
});
export type SampleRecord = z.infer<typeof SampleRecord>;

export const ChatRecord = z.object({
  images: z.array(z.string()).length(1),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().min(1) })).min(2),
  id: z.string(),
  split: z.enum(['train', 'val']),
});
export type ChatRecord = z.infer<typeof ChatRecord>;

const Counts = z.record(z.string(), z.number().int().nonnegative());

export const Manifest = z.object({
  format: z.literal(MAUSET_FORMAT),
  version: z.literal(MAUSET_VERSION),
  created: z.string(),
  generator: z.string(),
  project: z.string(),
  taxonomy: z.object({
    domains: z.array(z.object({ name: z.string(), categories: z.array(z.string()) })),
    defect_types: z.array(z.object({ name: z.string(), category: z.string().nullable() })),
  }),
  counts: z.object({
    samples: z.number().int().nonnegative(),
    regions: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    verdicts: Counts,
    levels: Counts,
    domains: Counts,
    defect_types: Counts,
    splits: Counts,
    corrections: Counts,
  }),
  split_policy: z.object({
    method: z.string(),
    ratios: z.record(z.string(), z.number()),
    /** Absent in exports written before near-duplicates were grouped. */
    near_duplicates: z
      .object({
        max_bits: z.number().int(),
        max_group: z.number().int(),
        pairs: z.number().int().nonnegative(),
        together: z.number().int().nonnegative(),
        kept_apart: z.number().int().nonnegative(),
        across_splits: z.number().int().nonnegative(),
      })
      .optional(),
  }),
  ok_images: z.string(),
  options: z.object({ reviewed_only: z.boolean(), copy_images: z.boolean() }),
  skipped: z.array(z.object({ file: z.string(), sample: z.number().int(), reason: z.string() })),
  sources: z.array(
    z.object({ name: z.string(), images: z.number().int().nonnegative(), licence: z.string() }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

/** A reader refuses a major version it does not know. */
export function checkVersion(version: string, file: string): void {
  if (version.split('.')[0] !== MAUSET_VERSION.split('.')[0])
    throw new Error(`${file}: MAU-Set version ${version}; this reader knows ${MAUSET_VERSION}`);
}
