import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Core } from '../core/core-types';

/** A client that has this much unsent data is not keeping up; it reloads state when it reconnects. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

export type EventsSocket = {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
};

/**
 * GET /events: one-way stream of `{"event": name, "payload": ...}` text frames. The only thing a
 * client may send is the text `ping` (answered with `pong`), for clients that cannot send
 * protocol-level pings; anything else closes the socket.
 */
export function createEventsSocket(core: Core): EventsSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();

  const unsubscribe = core.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of wss.clients) {
      if (client.readyState !== client.OPEN) continue;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) client.terminate();
      else client.send(frame);
    }
  });

  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  wss.on('connection', (client: WebSocket) => {
    alive.add(client);
    client.on('pong', () => alive.add(client));
    client.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary && data.toString() === 'ping') {
        client.send('pong');
        return;
      }
      client.close(1008, 'the event stream accepts only "ping"');
    });
    client.on('error', () => client.terminate());
  });

  return {
    upgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, req));
    },
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
  };
}
