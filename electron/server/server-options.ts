import { isIP } from 'node:net';
import type { Core } from '../core/core-types';

export type ServerOptions = {
  core: Core;
  /** Default 127.0.0.1. Anything that is not loopback needs a token. */
  host?: string;
  /** Default 5173; 0 picks a free port. */
  port?: number;
  token?: string;
  /** The Vite build output; default $MAU_STUDIO_RENDERER_DIR, else dist/renderer of this install. */
  staticDir?: string;
  /** Extra origins allowed to call the API (a dev server on another port). */
  allowedOrigins?: string[];
  /** Told about requests that failed inside the server (default: nowhere). */
  log?: (line: string) => void;
};

export type ResolvedServerOptions = {
  core: Core;
  host: string;
  port: number;
  token: string | null;
  staticDir: string;
  allowedOrigins: string[];
  log: (line: string) => void;
};

const loopbackNames = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (loopbackNames.has(bare)) return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** Shorter tokens are accepted (tests use them) but the CLI warns: they can be guessed. */
export const MIN_TOKEN_LENGTH = 16;

/** Throws, for the person who typed the command, when `host` would expose projects to anyone. */
export function checkExposure(host: string, token: string | null | undefined): void {
  if (isLoopbackHost(host) || token) return;
  throw new Error(
    `refusing to serve on ${host} without a token: anyone who can reach this address could read ` +
      `and change your projects. Pass --token <secret> or set MAU_STUDIO_TOKEN, or bind 127.0.0.1.`,
  );
}

/** Throws with a message meant for the person who typed the command. */
export function resolveServerOptions(
  options: ServerOptions,
  defaultStaticDir: string,
): ResolvedServerOptions {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 5173;
  const token = options.token ? options.token : null;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`port ${port} is not a port number (0–65535)`);
  }
  checkExposure(host, token);
  return {
    core: options.core,
    host,
    port,
    token,
    staticDir: options.staticDir ?? defaultStaticDir,
    allowedOrigins: options.allowedOrigins ?? [],
    log: options.log ?? (() => {}),
  };
}
