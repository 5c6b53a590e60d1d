import type { Result } from '../../../electron/contract';

/** Calls one contract method on a running server, as the renderer's HTTP transport does. */
export async function callApi<T>(base: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The raw Result, for checks of refusals (CONFLICT, INVALID_INPUT). */
export async function callResult<T>(base: string, method: string, input: unknown): Promise<Result<T>> {
  const response = await fetch(new URL(`api/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as Result<T>;
}
