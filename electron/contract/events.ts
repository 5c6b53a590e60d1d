import { z } from 'zod';
import { Job, Problem } from './domain';
import { JobId } from './ids';

/** Events flow from the core to every connected window or browser tab. */
export const events = {
  'job:progress': Job,
  'job:problem': Problem.extend({ jobId: JobId }),
  'samples:changed': z.object({ reason: z.string() }),
  'project:changed': z.object({ dir: z.string().nullable() }),
} as const;

export type EventTable = typeof events;
export type EventName = keyof EventTable;
export type EventPayload<E extends EventName> = z.output<EventTable[E]>;
export const eventNames = Object.keys(events) as EventName[];

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
