import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createEventsSocket } from './events-socket';
import { createGuard } from './guard';
import { createRouter, EVENTS_PATH, requestUrl } from './router';
import { resolveServerOptions, type ServerOptions } from './server-options';

export type RunningServer = {
  /** Base URL, e.g. http://127.0.0.1:5173/ (without the token). */
  url: string;
  port: number;
  close(): Promise<void>;
};

/**
 * The build next to these sources, unless MAU_STUDIO_RENDERER_DIR names another one: the bench
 * serves a production build of its own, never the repo's dist/ that other runs rebuild.
 */
function defaultStaticDir(): string {
  return (
    process.env.MAU_STUDIO_RENDERER_DIR || fileURLToPath(new URL('../../dist/renderer', import.meta.url))
  );
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The contract over HTTP + WebSocket, for the browser build, the e2e tests and team use. */
export async function startServer(input: ServerOptions): Promise<RunningServer> {
  const options = resolveServerOptions(input, defaultStaticDir());
  let port = options.port;
  const guard = createGuard({ ...options, port: () => port });
  const server = createServer(createRouter(options, guard));
  const events = createEventsSocket(options.core);

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(req);
    if (url.pathname !== EVENTS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!guard.hostAllowed(req) || !guard.originAllowed(req)) return refuseUpgrade(socket, '403 Forbidden');
    if (!guard.authorized(req, url)) return refuseUpgrade(socket, '401 Unauthorized');
    events.upgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      events.close();
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `port ${options.port} on ${options.host} is already in use (pass --port 0 for a free one)`,
          ),
        );
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${displayHost(options.host)}:${port}/`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
