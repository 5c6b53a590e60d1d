import type { Invoke } from '../../../electron/contract/client';
import { fail, type Result } from '../../../electron/contract/result';

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** POST /api/<method>; the server answers with a Result whatever the HTTP status. */
export function httpInvoke(base: URL, token: string | null): Invoke {
  return async (method, input) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(new URL(`api/${method}`, base), {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
    } catch (error) {
      return fail('IO_ERROR', `${method}: the server cannot be reached`, [String(error)]);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail('INTERNAL', `${method}: the server answered ${response.status} without a result`);
    }
    if (!isResult(body))
      return fail('INTERNAL', `${method}: the server answered ${response.status} with no result`);
    return body;
  };
}
