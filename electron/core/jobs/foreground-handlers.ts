import type { Handlers, Method } from '../../contract';
import type { ForegroundGate } from './foreground-gate';

/**
 * Calls a window makes by itself while a job runs (progress panels polling) rather than because a
 * person did something: they must not hold the job back.
 */
const BACKGROUND_METHODS: ReadonlySet<Method> = new Set<Method>([
  'jobs:list',
  'jobs:get',
  'jobs:problems',
  'inference:resumable',
]);

/** Every other call tells the gate someone is using the app before it is answered. */
export function touchingGate(handlers: Handlers, gate: ForegroundGate): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [Method, (input: never) => unknown][]) {
    wrapped[method] = BACKGROUND_METHODS.has(method)
      ? handler
      : (input: never) => {
          gate.touch();
          return handler(input);
        };
  }
  return wrapped as Handlers;
}
