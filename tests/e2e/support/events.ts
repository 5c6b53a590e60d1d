import type { Page, WebSocketRoute } from 'playwright-core';

/** Lets a test delay the server's events to the page, as a slow network would. */
export type EventRelay = {
  /** From now on, server events wait instead of reaching the page. */
  hold(): void;
  /** Delivers the held events in order and lets later ones through again. */
  release(): void;
};

/**
 * Puts a relay between the page and the server's event socket. Must be installed before the
 * page opens the socket (before `goto`); until `hold()` it passes every message straight on.
 */
export async function relayEvents(page: Page): Promise<EventRelay> {
  let held: string[] | null = null;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/events/, (socket) => {
    sockets.push(socket);
    const server = socket.connectToServer();
    server.onMessage((message) => {
      const text = typeof message === 'string' ? message : message.toString('utf8');
      if (held) held.push(text);
      else socket.send(text);
    });
  });
  return {
    hold: () => {
      held ??= [];
    },
    release: () => {
      const queued = held ?? [];
      held = null;
      const socket = sockets.at(-1);
      for (const text of queued) socket?.send(text);
    },
  };
}
