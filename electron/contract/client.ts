import { methods, type ApiClient, type Method } from './api';
import type { Result } from './result';

export type Invoke = (method: Method, input: unknown) => Promise<Result<unknown>>;

/** Builds the typed client from any transport's invoke function: one entry per table row. */
export function createClient(invoke: Invoke): ApiClient {
  const client: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const method of methods) client[method] = (input) => invoke(method, input);
  return client as unknown as ApiClient;
}
