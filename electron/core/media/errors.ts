/**
 * An error about one file. `reason` stays separate so a caller that already names the file (an
 * import problem list keyed by relative path) can show the reason without repeating the path.
 */
export class MediaError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'MediaError';
  }
}

/** The reason part of any error: a MediaError's reason, otherwise the message itself. */
export function reasonOf(error: unknown): string {
  if (error instanceof MediaError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
