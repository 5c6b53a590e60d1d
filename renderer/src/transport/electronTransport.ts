import { createClient } from '../../../electron/contract';
import type { MauBridge, Transport } from './types';
import { validateEvent } from './validateEvent';

export function electronTransport(bridge: MauBridge): Transport {
  return {
    kind: 'electron',
    api: createClient((method, input) => bridge.invoke(method, input)),
    mediaUrl: (kind, id, version) => bridge.mediaUrl(kind, id, version),
    onEvent(listener) {
      // The bridge's payloads are typed, but they crossed a process boundary: check them anyway.
      return bridge.onEvent(({ event: name, payload }) => {
        const event = validateEvent(name, payload);
        if (event) listener(event);
      });
    },
    // IPC cannot drop while the window lives.
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
  };
}
