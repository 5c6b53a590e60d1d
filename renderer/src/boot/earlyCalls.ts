import type { Invoke } from '../../../electron/contract/client';
import type { Method } from '../../../electron/contract/api';
import type { Result } from '../../../electron/contract/result';

/**
 * Calls the boot script sent before the app's own script had loaded (see boot.ts), kept on the
 * window for the app to take. Each is taken at most once, and only while it is fresh: an answer
 * from start-up must not stand in for a call the user makes minutes later.
 */
type EarlyCall = {
  method: Method;
  input: unknown;
  key: string;
  at: number;
  result: Promise<Result<unknown>>;
};

const FRESH_MS = 10_000;
const KEY = '__mauEarlyCalls';

function registry(): EarlyCall[] {
  const holder = globalThis as unknown as { [KEY]?: EarlyCall[] };
  return (holder[KEY] ??= []);
}

const keyOf = (input: unknown) => JSON.stringify(input ?? {});

/** Sends a call now and keeps its answer for the app. */
export function sendEarly(invoke: Invoke, method: Method, input: unknown): Promise<Result<unknown>> {
  const result = invoke(method, input);
  registry().push({ method, input, key: keyOf(input), at: performance.now(), result });
  return result;
}

function take(match: (call: EarlyCall) => boolean): EarlyCall | null {
  const calls = registry();
  const index = calls.findIndex((call) => performance.now() - call.at < FRESH_MS && match(call));
  return index < 0 ? null : (calls.splice(index, 1)[0] ?? null);
}

/** The early answer to exactly this call, if one was sent; the call is then not sent again. */
export function takeEarly(method: Method, input: unknown): Promise<Result<unknown>> | null {
  const key = keyOf(input);
  return take((call) => call.method === method && call.key === key)?.result ?? null;
}

/** Any early call of this method, with its input: for callers that can use a part of an answer. */
export function takeEarlyOf(method: Method): { input: unknown; result: Promise<Result<unknown>> } | null {
  return take((call) => call.method === method);
}

/** A transport's invoke that answers the calls sent early from their early answers. */
export function withEarlyCalls(invoke: Invoke): Invoke {
  return (method, input) => takeEarly(method, input) ?? invoke(method, input);
}
