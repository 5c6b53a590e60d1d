import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from './server-options';

/**
 * The request checks every route shares: the Host header (DNS rebinding), the Origin (another
 * site posting to us from the user's browser) and, when one is set, the token.
 */
export type Guard = {
  hostAllowed(req: IncomingMessage): boolean;
  originAllowed(req: IncomingMessage): boolean;
  /** True when no token is configured, or the request carries the right one. */
  authorized(req: IncomingMessage, url: URL): boolean;
  /** A Set-Cookie value when `url` carries the right token, so later requests need not. */
  tokenCookie(url: URL): string | null;
};

type GuardOptions = { host: string; token: string | null; allowedOrigins: string[]; port: () => number };

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Hashing first makes both sides the same length, so the comparison leaks nothing, not even length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

function bearerOf(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function createGuard(options: GuardOptions): Guard {
  const boundHost = options.host.toLowerCase();
  const anyHost = wildcardHosts.has(boundHost);
  const cookieName = () => `mau_token_${options.port()}`;
  const tokenOk = (given: string | null) =>
    given !== null && options.token !== null && sameSecret(given, options.token);

  return {
    hostAllowed(req) {
      const hostname = hostnameOf((req.headers.host ?? '').toLowerCase());
      if (!hostname) return false;
      // Bound to every interface, the server cannot know its own names; the token protects it.
      if (anyHost) return true;
      return hostname === boundHost || hostname === `[${boundHost}]` || isLoopbackHost(hostname);
    },
    originAllowed(req) {
      const origin = req.headers.origin;
      // Scripts and the CLI send no Origin; browsers always do on POST and WebSocket.
      if (origin === undefined) return true;
      if (options.allowedOrigins.includes(origin)) return true;
      try {
        const parsed = new URL(origin);
        return (
          (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === req.headers.host
        );
      } catch {
        return false;
      }
    },
    authorized(req, url) {
      if (options.token === null) return true;
      return (
        tokenOk(bearerOf(req)) ||
        tokenOk(url.searchParams.get('token')) ||
        tokenOk(readCookie(req, cookieName()))
      );
    },
    tokenCookie(url) {
      const given = url.searchParams.get('token');
      if (options.token === null || !tokenOk(given)) return null;
      // Per port: two servers on one machine must not overwrite each other's cookie.
      return `${cookieName()}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`;
    },
  };
}
