import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, isAppError, parseMediaPath } from '../contract';
import type { Core } from '../core/core-types';
import { httpStatusOf } from './http-status';
import { securityHeaders, sendError, sendResult } from './respond';

export const MEDIA_PREFIX = '/media/';

function quoted(etag: string): string {
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, '');
  });
}

/** GET /media/<kind>/<sampleId>[?v=version]: image bytes, revalidated by ETag. */
export async function handleMedia(
  core: Core,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendError(res, 405, 'INVALID_INPUT', 'media: use GET');
  }
  const target = parseMediaPath(url.pathname.slice(MEDIA_PREFIX.length));
  if (!target) return sendError(res, 404, 'NOT_FOUND', `no media at ${url.pathname}`);

  let media;
  try {
    media = await core.readMedia(target.kind, target.sampleId);
  } catch (error) {
    if (isAppError(error)) return sendResult(res, fail(error.code, error.message, error.details));
    const message = error instanceof Error ? error.message : String(error);
    return sendError(
      res,
      httpStatusOf('INTERNAL'),
      'INTERNAL',
      `media ${target.kind}/${target.sampleId}: ${message}`,
    );
  }

  const etag = quoted(media.etag);
  // A versioned URL changes whenever the bytes do, so it may be kept; a bare one must revalidate.
  const cacheControl = url.searchParams.has('v')
    ? 'private, max-age=31536000, immutable'
    : 'private, no-cache';
  const headers = { ...securityHeaders, ETag: etag, 'Cache-Control': cacheControl };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': media.contentType, 'Content-Length': media.body.length });
  res.end(req.method === 'HEAD' ? undefined : media.body);
}
