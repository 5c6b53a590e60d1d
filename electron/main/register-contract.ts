import { dispatch, fail, methods, type Result } from '../contract';
import type { Core } from '../core/core-types';
import type { BridgeEvent } from '../preload/bridge-types';
import { invokeChannel } from '../preload/channels';

/** The slice of an invoke event we look at; Electron's IpcMainInvokeEvent fits it. */
export type InvokeEventLike = { readonly senderFrame: { readonly url: string } | null };

/** The slice of ipcMain we need, so the registration can be tested with a plain object. */
export type IpcMainLike = {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, input: unknown) => Promise<Result<unknown>>,
  ): void;
};

export type ContractDeps = {
  ipc: IpcMainLike;
  core: Core;
  isTrustedSender(frameUrl: string): boolean;
  /** Sends an event to every window. */
  broadcast(message: BridgeEvent): void;
};

/**
 * One IPC handler per row of the api table, each checking who is asking before it validates and
 * dispatches; and every core event forwarded to every window. Returns what stops the forwarding.
 */
export function registerContract({ ipc, core, isTrustedSender, broadcast }: ContractDeps): () => void {
  for (const method of methods) {
    ipc.handle(invokeChannel(method), async (event, input) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url))
        return fail('FORBIDDEN', `${method}: refused a call from ${url || 'a closed frame'}`);
      return dispatch(core.handlers, method, input);
    });
  }
  return core.subscribe((event, payload) => broadcast({ event, payload } as BridgeEvent));
}
