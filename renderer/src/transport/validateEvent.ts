import { events, isEventName } from '../../../electron/contract';
import type { AppEvent } from './types';

/** Events come from another process or the network: only table-shaped payloads reach the stores. */
export function validateEvent(name: unknown, payload: unknown): AppEvent | null {
  if (typeof name !== 'string' || !isEventName(name)) {
    console.warn(`ignored unknown event "${String(name)}"`);
    return null;
  }
  const parsed = events[name].safeParse(payload);
  if (!parsed.success) {
    console.warn(`ignored malformed "${name}" event`, parsed.error.issues);
    return null;
  }
  return { name, payload: parsed.data } as AppEvent;
}
