import { z } from 'zod';
import { SampleFilter } from './domain';
import { SampleId } from './ids';
import { Path, type MethodTable } from './api-common';
import {
  Author,
  HistoryEntry,
  LabelCommand,
  LabelState,
  PredictionsImportReport,
  ReviewQueue,
  ReviewQueueInput,
  ReviewStats,
} from './review';

const BaseRevision = z.number().int().nonnegative();

/** What a second window or tab cannot slip past: the label revision the edit was made on. */
const Guarded = z.object({ sampleId: SampleId, baseRevision: BaseRevision, author: Author.optional() });

/**
 * Labels and review. Every write names the revision it was based on; a stale one is refused with
 * CONFLICT and nothing is written, so the caller fetches `labels:get` and shows the newer state.
 * Writes are acknowledged only after the store committed them.
 */
export const reviewApi = {
  'labels:get': { input: z.object({ sampleId: SampleId }).strict(), output: LabelState },
  'labels:apply': {
    input: Guarded.extend({
      command: LabelCommand,
      /** The image was shown as a blind audit (from `review:queue`); recorded on its label. */
      audit: z.boolean().optional(),
    }).strict(),
    output: LabelState,
  },
  'labels:undo': { input: Guarded.strict(), output: LabelState },
  'labels:redo': { input: Guarded.strict(), output: LabelState },
  /** Back to the state right after `revisionId`, as one new revision (so it can be undone). */
  'labels:restore': {
    input: Guarded.extend({ revisionId: z.number().int().positive() }).strict(),
    output: LabelState,
  },
  /** Newest first. */
  'labels:history': { input: z.object({ sampleId: SampleId }).strict(), output: z.array(HistoryEntry) },

  /**
   * Reads a predictions file (format "mau-studio-predictions", see core/review/predictions-file.ts)
   * for images already in the project; bad records are reported by index and field and skipped.
   */
  'predictions:import': { input: z.object({ file: Path }).strict(), output: PredictionsImportReport },

  'review:queue': { input: ReviewQueueInput, output: ReviewQueue },
  'review:stats': { input: z.object({ filter: SampleFilter.default({}) }).strict(), output: ReviewStats },
} as const satisfies MethodTable;
