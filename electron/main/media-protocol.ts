import type { CustomScheme, Protocol } from 'electron';
import { fail, isAppError, MEDIA_SCHEME, parseMediaPath, type ErrorCode } from '../contract';
import type { Core } from '../core/core-types';
import { MEDIA_HOST } from '../preload/channels';

/** standard + secure: a normal origin for CSP and fetch; images never need file:// access. */
export const mediaSchemePrivileges: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

const statusByCode: Partial<Record<ErrorCode, number>> = { NOT_FOUND: 404, FORBIDDEN: 403, NO_PROJECT: 409 };

function errorResponse(code: ErrorCode, message: string, status = statusByCode[code] ?? 500): Response {
  return new Response(JSON.stringify(fail(code, message)), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' },
  });
}

/** mau-media://media/<kind>/<sampleId>[?v=version] → the core's bytes; never touches the file system itself. */
export async function handleMediaRequest(core: Core, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const target = url.hostname === MEDIA_HOST ? parseMediaPath(url.pathname) : null;
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return errorResponse('INVALID_INPUT', 'media: use GET', 405);
  if (!target) return errorResponse('NOT_FOUND', `no media at ${request.url}`);
  try {
    const media = await core.readMedia(target.kind, target.sampleId);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(media.body), {
      status: 200,
      headers: {
        'Content-Type': media.contentType,
        'Content-Length': String(media.body.length),
        ETag: media.etag.startsWith('"') ? media.etag : `"${media.etag}"`,
        'Cache-Control': 'private, no-cache',
        'X-Content-Type-Options': 'nosniff',
        // Only our own pages can reach this scheme; this lets the viewer read raw pixels with fetch.
        'Access-Control-Allow-Origin': '*',
      },
    });
  } catch (error) {
    if (isAppError(error)) return errorResponse(error.code, error.message);
    return errorResponse('INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

export function registerMediaProtocol(protocol: Protocol, core: Core): void {
  protocol.handle(MEDIA_SCHEME, (request) => handleMediaRequest(core, request));
}
