import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './csp';
import { mimeTypeOf } from './mime';
import { missingRendererPage } from './missing-renderer';
import { securityHeaders, sendError } from './respond';

type Found = { kind: 'file'; path: string; size: number } | { kind: 'none' } | { kind: 'hidden' };

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Resolves a decoded URL path to a file inside root, or null when the path tries to leave it. */
async function locate(root: string, urlPath: string): Promise<Found | null> {
  const segments = urlPath.split(/[/\\]/).filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.includes('\0'))) return null;
  // Hidden files (.env, .git) are never part of a build.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'hidden' };
  let candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    let info = await stat(candidate);
    if (info.isDirectory()) {
      candidate = join(candidate, 'index.html');
      info = await stat(candidate);
    }
    if (!info.isFile()) return { kind: 'none' };
    // A symlink inside the build must not lead out of it either.
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return null;
    return { kind: 'file', path: real, size: info.size };
  } catch {
    return { kind: 'none' };
  }
}

function headersFor(path: string, size: number): Record<string, string | number> {
  const type = mimeTypeOf(path);
  const headers: Record<string, string | number> = {
    ...securityHeaders,
    'Content-Type': type,
    'Content-Length': size,
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = contentSecurityPolicy;
    headers['X-Frame-Options'] = 'DENY';
    headers['Cache-Control'] = 'no-cache';
  } else if (path.includes(`${sep}assets${sep}`)) {
    // Vite puts a content hash in every asset name.
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  } else {
    headers['Cache-Control'] = 'no-cache';
  }
  return headers;
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: { path: string; size: number },
  extra: Record<string, string>,
): void {
  res.writeHead(200, { ...headersFor(file.path, file.size), ...extra });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves the renderer build with a single-page-app fallback: any extension-less path that is not a
 * file gets index.html, so a reload on a client-side route still works.
 */
export async function handleStatic(
  staticDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  extraHtmlHeaders: Record<string, string> = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendError(res, 405, 'INVALID_INPUT', `${req.method} is not allowed here`);
  }
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(url.pathname);
  } catch {
    return sendError(res, 400, 'INVALID_INPUT', 'malformed path');
  }
  const root = resolve(staticDir);
  const found = await locate(root, urlPath);
  if (found === null) return sendError(res, 403, 'FORBIDDEN', 'path outside the application');
  if (found.kind === 'file') {
    const isHtml = mimeTypeOf(found.path).startsWith('text/html');
    return sendFile(req, res, found, isHtml ? extraHtmlHeaders : {});
  }
  if (found.kind === 'hidden' || extname(urlPath) !== '')
    return sendError(res, 404, 'NOT_FOUND', `no file ${urlPath}`);

  const index = await locate(root, '/index.html');
  if (index?.kind === 'file') return sendFile(req, res, index, extraHtmlHeaders);
  const page = missingRendererPage(root);
  res.writeHead(503, {
    ...securityHeaders,
    ...extraHtmlHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : page);
}
