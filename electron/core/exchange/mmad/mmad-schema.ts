import { z } from 'zod';
import { OPTION_LETTERS, type QaLevel } from '../../mauset-qa';

/** MMAD's question types, one per MAU-Set task level. */
export const MMAD_TYPE_OF_LEVEL = {
  1: 'Anomaly Detection',
  2: 'Defect Classification',
  3: 'Defect Localization',
  4: 'Defect Description',
  5: 'Defect Analysis',
} as const satisfies Record<QaLevel, string>;

const MmadType = z.enum(Object.values(MMAD_TYPE_OF_LEVEL) as [string, ...string[]]);

export const MmadQuestion = z
  .object({
    Question: z.string().min(1),
    Options: z.partialRecord(z.enum(OPTION_LETTERS), z.string().min(1)),
    Answer: z.enum(OPTION_LETTERS),
    type: MmadType,
  })
  .refine((q) => q.Options[q.Answer] !== undefined, { message: 'Answer is not one of the Options' })
  .refine((q) => Object.keys(q.Options).length >= 2, { message: 'a question needs at least 2 Options' });
export type MmadQuestion = z.infer<typeof MmadQuestion>;

export const MmadEntry = z.object({
  /** Relative to the question file. */
  image: z.string().min(1),
  conversation: z.array(MmadQuestion).min(1),
});
export type MmadEntry = z.infer<typeof MmadEntry>;

export const MmadFile = z.array(MmadEntry);

/** The file name the writer uses in the export folder. */
export const MMAD_FILE = 'mmad.json';
