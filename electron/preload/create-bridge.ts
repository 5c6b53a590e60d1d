import { createClient, fail, isEventName, isMethod, methods, type Method, type Result } from '../contract';
import type { BridgeEvent, MauBridge } from './bridge-types';
import { electronMediaUrl, EVENT_CHANNEL, invokeChannel } from './channels';

type IpcListener = (event: unknown, message: unknown) => void;

/** The part of Electron's ipcRenderer the bridge needs, so tests can pass a plain object. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
};

function isBridgeEvent(message: unknown): message is BridgeEvent {
  if (typeof message !== 'object' || message === null) return false;
  const event = (message as { event?: unknown }).event;
  return typeof event === 'string' && isEventName(event) && 'payload' in message;
}

/**
 * Builds `window.mauBridge` from the api table. Names outside the table never reach main, and
 * the IPC event object (which exposes the sender) never reaches the page.
 */
export function createBridge(ipc: IpcRendererLike): MauBridge {
  const invoke = async (method: Method, input: unknown): Promise<Result<unknown>> => {
    if (typeof method !== 'string' || !isMethod(method))
      return fail('NOT_FOUND', `unknown method "${String(method)}"`);
    try {
      return (await ipc.invoke(invokeChannel(method), input)) as Result<unknown>;
    } catch (error) {
      // Only reached when main is gone or the input cannot be cloned; the core never throws here.
      const message = error instanceof Error ? error.message : String(error);
      return fail('INTERNAL', `${method}: ${message}`);
    }
  };

  return {
    transport: 'electron',
    methods: [...methods],
    api: createClient(invoke),
    invoke,
    onEvent(listener) {
      const forward: IpcListener = (_event, message) => {
        if (isBridgeEvent(message)) listener(message);
      };
      ipc.on(EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, forward);
      };
    },
    mediaUrl: electronMediaUrl,
  };
}
