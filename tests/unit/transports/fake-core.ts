import {
  AppError,
  methods,
  type EventName,
  type EventPayload,
  type Handlers,
  type Method,
} from '../../../electron/contract';
import type { EventListener } from '../../../electron/contract';
import type { Core, MediaResponse } from '../../../electron/core/core-types';

export type FakeCore = Core & {
  calls: { method: Method; input: unknown }[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  listenerCount(): number;
};

/**
 * A stand-in core for transport tests: every method of the table records its call and answers
 * UNSUPPORTED, except the few a test overrides. Built by iterating the table, like the transports.
 */
export function createFakeCore(
  overrides: Partial<Handlers> = {},
  media: Record<string, MediaResponse> = {},
): FakeCore {
  const calls: FakeCore['calls'] = [];
  const listeners = new Set<EventListener>();
  const handlers: Record<string, (input: unknown) => unknown> = {};
  for (const method of methods) {
    handlers[method] = (input: unknown) => {
      calls.push({ method, input });
      const override = overrides[method] as ((input: unknown) => unknown) | undefined;
      if (override) return override(input);
      throw new AppError('UNSUPPORTED', `fake core: ${method}`);
    };
  }
  return {
    handlers: handlers as unknown as Handlers,
    calls,
    async readMedia(kind, sampleId) {
      const found = media[`${kind}/${sampleId}`];
      if (!found) throw new AppError('NOT_FOUND', `no sample ${sampleId}`);
      return found;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    listenerCount: () => listeners.size,
    async close() {},
  };
}
