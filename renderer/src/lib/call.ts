import type { Input, Method, Output, Result } from '../../../electron/contract';
import { api } from '../transport/current';
import { showError, type ToastArea } from '../stores/toastStore';

/** Calls one contract method; a failure becomes a toast in the area that asked. */
export async function callResult<M extends Method>(
  area: ToastArea,
  method: M,
  input: Input<M>,
  what: string,
): Promise<Result<Output<M>>> {
  const fn = api()[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
  const result = await fn(input);
  if (!result.ok) {
    const { code, message, details = [] } = result.error;
    showError(area, what, message, [`${method} → ${code}`, ...details]);
  }
  return result;
}

/** As callResult, for methods whose answer is never null: failure reads as null. */
export async function call<M extends Method>(
  area: ToastArea,
  method: M,
  input: Input<M>,
  what: string,
): Promise<Output<M> | null> {
  const result = await callResult(area, method, input, what);
  return result.ok ? result.value : null;
}
