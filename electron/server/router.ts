import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, handleApi } from './api-route';
import type { Guard } from './guard';
import { handleMedia, MEDIA_PREFIX } from './media-route';
import { sendError } from './respond';
import type { ResolvedServerOptions } from './server-options';
import { handleStatic } from './static-files';

export const EVENTS_PATH = '/events';

export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://localhost');
}

/** One place decides which checks a path needs, so a new route cannot forget one. */
export function createRouter(options: ResolvedServerOptions, guard: Guard) {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!guard.hostAllowed(req))
      return sendError(res, 403, 'FORBIDDEN', `unexpected Host "${req.headers.host ?? ''}"`);
    const url = requestUrl(req);
    const path = url.pathname;

    if (path.startsWith(API_PREFIX)) {
      if (!guard.originAllowed(req))
        return sendError(res, 403, 'FORBIDDEN', 'cross-origin requests are refused');
      if (!guard.authorized(req, url)) return sendError(res, 401, 'FORBIDDEN', 'a valid token is required');
      return handleApi(options.core, req, res, url);
    }
    if (path.startsWith(MEDIA_PREFIX)) {
      if (!guard.authorized(req, url)) return sendError(res, 401, 'FORBIDDEN', 'a valid token is required');
      return handleMedia(options.core, req, res, url);
    }
    if (path === EVENTS_PATH) {
      res.setHeader('Upgrade', 'websocket');
      return sendError(res, 426, 'INVALID_INPUT', `${EVENTS_PATH} is a WebSocket endpoint`);
    }
    const cookie = guard.tokenCookie(url);
    return handleStatic(options.staticDir, req, res, url, cookie ? { 'Set-Cookie': cookie } : {});
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`${req.method ?? '?'} ${req.url ?? ''} failed: ${message}`);
      if (res.headersSent) res.destroy();
      else sendError(res, 500, 'INTERNAL', message);
    });
  };
}
