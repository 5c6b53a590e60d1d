import { createClient } from '../../../electron/contract/client';
import { withEarlyCalls } from '../boot/earlyCalls';
import type { MauBridge, Transport } from './types';
import { loadingChecksForJobs, orderedValidation } from './orderedValidation';

export function electronTransport(bridge: MauBridge): Transport {
  return {
    kind: 'electron',
    api: createClient(loadingChecksForJobs(withEarlyCalls((method, input) => bridge.invoke(method, input)))),
    mediaUrl: (kind, id, version) => bridge.mediaUrl(kind, id, version),
    onEvent(listener) {
      // The bridge's payloads are typed, but they crossed a process boundary: check them anyway.
      const receive = orderedValidation(listener);
      return bridge.onEvent(({ event: name, payload }) => receive(name, payload));
    },
    // IPC cannot drop while the window lives.
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
  };
}
