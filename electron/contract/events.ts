import { z } from 'zod';
import { Job, Problem } from './domain';
import { JobId, SampleId } from './ids';
import { TextLevelKey } from './review';

/**
 * Why the samples changed: an import changes images; label writes and predictions change only
 * state dots, filters and counts (the samples themselves are named by their own events).
 */
export const SamplesChangeReason = z.enum(['import', 'labels', 'predictions']);
export type SamplesChangeReason = z.infer<typeof SamplesChangeReason>;

/** Events flow from the core to every connected window or browser tab. */
export const events = {
  'job:progress': Job,
  'job:problem': Problem.extend({ jobId: JobId }),
  'samples:changed': z.object({ reason: SamplesChangeReason }),
  'project:changed': z.object({ dir: z.string().nullable() }),
  /** A label was committed (edit, undo, redo, restore): windows showing it refetch `labels:get`. */
  'labels:changed': z.object({ sampleId: SampleId, revision: z.number().int().nonnegative() }),
  /** An inference job wrote predictions (batched): windows showing one refetch `predictions:get`. */
  'predictions:changed': z.object({ sampleIds: z.array(SampleId), packId: z.string() }),
  /** Review now shows another pack's predictions (models:setReviewPack); null: the newest of any. */
  'models:reviewPack': z.object({ packId: z.string().nullable() }),
  /** A MAU-GPT answer growing while an inference job generates it: append `delta` to the level's text. */
  'inference:token': z.object({ jobId: JobId, sampleId: SampleId, level: TextLevelKey, delta: z.string() }),
} as const;

export type EventTable = typeof events;
export type EventName = keyof EventTable;
export type EventPayload<E extends EventName> = z.output<EventTable[E]>;
export const eventNames = Object.keys(events) as EventName[];

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
