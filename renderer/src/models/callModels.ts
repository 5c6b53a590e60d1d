import type { Input, Method, Output, Result } from '../../../electron/contract';
import { api } from '../transport/current';

/** A failed call as the dialog shows it: what was being done (naming the pack), and why not. */
export type ModelsError = { title: string; message: string; details: string[] };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ModelsError };

/**
 * Calls one contract method for the Models dialog. Unlike lib/call it raises no toast: the
 * dialog keeps the failure on screen beside the form that caused it until the next attempt.
 */
export async function callModels<M extends Method>(
  method: M,
  input: Input<M>,
  title: string,
): Promise<Outcome<Output<M>>> {
  const fn = api()[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
  try {
    const result = await fn(input);
    if (result.ok) return { ok: true, value: result.value };
    const { code, message, details = [] } = result.error;
    return { ok: false, error: { title, message, details: [`${method} → ${code}`, ...details] } };
  } catch (error) {
    // The transport itself failed (server gone): still a message in the dialog, not a blank.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { title, message, details: [method] } };
  }
}
