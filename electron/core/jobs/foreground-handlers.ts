import type { Handlers, Method } from '../../contract';
import type { ForegroundGate } from './foreground-gate';

/** Progress polling: never a consequence of what a person did, so it never holds a job back. */
const POLLING_METHODS: ReadonlySet<Method> = new Set<Method>([
  'jobs:list',
  'jobs:get',
  'jobs:problems',
  'inference:resumable',
]);

/**
 * `app:activity` (a key, click or scroll) shuts the gate; every other call extends it while it is
 * shut, so a job stays aside until the requests that input caused are answered.
 */
export function extendingGate(handlers: Handlers, gate: ForegroundGate): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [Method, (input: never) => unknown][]) {
    wrapped[method] = POLLING_METHODS.has(method)
      ? handler
      : (input: never) => {
          gate.extend();
          return handler(input);
        };
  }
  return wrapped as Handlers;
}
