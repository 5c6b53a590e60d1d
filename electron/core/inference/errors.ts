import { AppError, isAppError, type ErrorCode } from '../../contract/result';
import type { WireError } from './session/protocol';

/**
 * Every engine error names the thing (a pack folder, an image file) and the problem, so a job
 * report can show it as is; AppError keeps the code when it crosses the transport.
 */
export function packError(
  pack: string,
  problem: string,
  code: ErrorCode = 'INVALID_INPUT',
  details?: string[],
): AppError {
  return new AppError(code, `model pack ${pack}: ${problem}`, details);
}

export function imageError(image: string, problem: string, code: ErrorCode = 'INVALID_INPUT'): AppError {
  return new AppError(code, `image ${image}: ${problem}`);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "an anomalib pack", "a yolo pack": errors read as sentences. */
export function kindPhrase(kind: string): string {
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} pack`;
}

/** An error as a worker posts it back: its code and details survive the thread boundary. */
export function wireError(error: unknown): WireError {
  if (isAppError(error)) return { message: error.message, code: error.code, details: error.details };
  return { message: messageOf(error) };
}
