import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, isMethod } from '../contract';
import type { Core } from '../core/core-types';
import { BodyTooLarge, MAX_BODY_BYTES, readBody } from './read-body';
import { sendError, sendResult } from './respond';

export const API_PREFIX = '/api/';

function isJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * POST /api/<method>: the body is the method's input. Requiring application/json also keeps other
 * sites out: a browser cannot send that type cross-origin without a preflight we never grant.
 */
export async function handleApi(
  core: Core,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = safeDecode(url.pathname.slice(API_PREFIX.length));
  if (!isMethod(method)) return sendError(res, 404, 'NOT_FOUND', `unknown method "${method}"`);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, 405, 'INVALID_INPUT', `${method}: use POST with a JSON body`);
  }
  if (!isJson(req))
    return sendError(res, 415, 'INVALID_INPUT', `${method}: the body must be application/json`);

  let text: string;
  try {
    text = (await readBody(req)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendError(
        res,
        413,
        'INVALID_INPUT',
        `${method}: the body is larger than ${MAX_BODY_BYTES} bytes`,
      );
    }
    throw error;
  }

  let input: unknown;
  try {
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return sendError(res, 400, 'INVALID_INPUT', `${method}: the body is not valid JSON (${reason})`);
  }
  sendResult(res, await dispatch(core.handlers, method, input));
}
