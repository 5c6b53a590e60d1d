import type { ApiClient, Method } from './api';
import type { Result } from './result';

export type Invoke = (method: Method, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the typed client from any transport's invoke function. A proxy instead of one entry
 * per table row: the renderer's first screen loads this file without the method table and its
 * schemas. Only `domain:verb` names are methods, so the client is never mistaken for a promise
 * (`then`) or anything else a caller probes it for.
 */
export function createClient(invoke: Invoke): ApiClient {
  const bound = new Map<string, (input: unknown) => Promise<Result<unknown>>>();
  const methodFor = (name: string) => {
    let call = bound.get(name);
    if (!call) {
      call = (input) => invoke(name as Method, input);
      bound.set(name, call);
    }
    return call;
  };
  return new Proxy({} as ApiClient, {
    get: (_target, key) => (typeof key === 'string' && key.includes(':') ? methodFor(key) : undefined),
  });
}
