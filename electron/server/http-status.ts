import type { ErrorCode } from '../contract';

/**
 * HTTP clients (curl, scripts, the browser's network panel) read the status before the body, so
 * each error code gets the nearest status; the body still carries the full Result.
 */
const statusByCode: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NO_PROJECT: 409,
  CONFLICT: 409,
  CANCELLED: 409,
  UNSUPPORTED: 422,
  IO_ERROR: 500,
  INTERNAL: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return statusByCode[code];
}
