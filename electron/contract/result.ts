/**
 * Errors cross process boundaries as data: Electron forwards only an Error's message, and HTTP
 * has no exceptions at all, so every transport carries this envelope instead of throwing.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NO_PROJECT',
  'CONFLICT',
  'FORBIDDEN',
  'IO_ERROR',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

// Plain types, no schema: the renderer's first screen loads this file, and zod is not in it.
export type ApiError = { code: ErrorCode; message: string; details?: string[] };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Thrown inside the core to end a call with a specific code; dispatch turns it into a Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
