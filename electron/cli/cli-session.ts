import { dispatch, type ApiError, type Input, type Method, type Output, type Result } from '../contract';
import { createCore } from '../core/app';
import type { Core } from '../core/core-types';
import { CliError } from './cli-io';

export type CliSession = {
  core: Core;
  /** Calls a contract method through dispatch (same validation as IPC and HTTP); the raw Result. */
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Like invoke, but an error Result becomes a CliError that names the method and the problem. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): Promise<void>;
};

export function describeError(error: ApiError): string {
  return [error.message, ...(error.details ?? []).map((d) => `  ${d}`)].join('\n');
}

export function openCliSession(core: Core = createCore({ transport: 'http' })): CliSession {
  const invoke = <M extends Method>(method: M, input: Input<M>) =>
    dispatch(core.handlers, method, input) as Promise<Result<Output<M>>>;
  return {
    core,
    invoke,
    async call(method, input) {
      const result = await invoke(method, input);
      if (!result.ok) throw new CliError(describeError(result.error));
      return result.value;
    },
    close: () => core.close(),
  };
}

/** Opens a session, lends it to `work`, and closes it however `work` ends. */
export async function withCliSession<T>(
  core: Core | undefined,
  work: (session: CliSession) => Promise<T>,
): Promise<T> {
  const session = openCliSession(core);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
