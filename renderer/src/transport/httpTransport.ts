import { createClient } from '../../../electron/contract/client';
import { mediaPath } from '../../../electron/contract/media';
import { openEventSocket } from './eventSocket';
import { withEarlyCalls } from '../boot/earlyCalls';
import { httpInvoke } from './httpInvoke';
import { listenerSet } from './listeners';
import { loadingChecksForJobs } from './orderedValidation';
import type { AppEvent, ConnectionState, Transport } from './types';

/** Server mode: the contract over POST /api, events over WS /events, images under /media. */
export function httpTransport(base: URL, token: string | null): Transport {
  const events = listenerSet<AppEvent>();
  const connection = listenerSet<ConnectionState>();
  let state: ConnectionState = 'connecting';

  const socketUrl = new URL('events', base);
  socketUrl.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) socketUrl.searchParams.set('token', token);
  openEventSocket(socketUrl, events.emit, (next) => {
    state = next;
    connection.emit(next);
  });

  return {
    kind: 'http',
    api: createClient(loadingChecksForJobs(withEarlyCalls(httpInvoke(base, token)))),
    mediaUrl(kind, id, version) {
      const url = new URL(`media/${mediaPath(kind, id, version)}`, base);
      if (token) url.searchParams.set('token', token);
      return url.toString();
    },
    onEvent: events.add,
    onConnection(listener) {
      listener(state);
      return connection.add(listener);
    },
  };
}
