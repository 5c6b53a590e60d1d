import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** Where generated inputs are cached between runs (MAU_BENCH_CACHE, else the temp folder). */
export function cacheBase(): string {
  return process.env.MAU_BENCH_CACHE ?? tmpdir();
}

/** A fresh folder for one run (projects, settings); removed by removeScratch. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mau-bench-run-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A folder kept between runs for generated inputs (images), so a rerun skips generating them.
 * Its content is trusted only when `<dir>/.complete` holds the same `key` (the generator's
 * parameters); otherwise it is emptied and `build` fills it again. Returns whether it was reused.
 */
export async function cachedDir(
  name: string,
  key: string,
  build: (dir: string) => Promise<void>,
): Promise<{ dir: string; reused: boolean }> {
  const dir = join(cacheBase(), name);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === key) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build(dir);
  writeFileSync(marker, key);
  return { dir, reused: false };
}
