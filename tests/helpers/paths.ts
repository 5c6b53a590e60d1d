import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The real datasets sit beside the checkout (here and in CI). */
export const sharedData = resolve(repoRoot, '..', 'shared', 'data');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mau-${prefix}-`));
}
