import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './scratch';

/**
 * A copy of a cached project's database in a scratch folder (without its cache), so a bench may
 * open and change it while the cached one stays as built.
 */
export function copyProjectDatabase(projectDir: string, prefix: string): string {
  const source = join(projectDir, 'project.sqlite');
  if (!existsSync(source)) throw new Error(`${projectDir}: no project.sqlite to copy`);
  const dir = join(scratchDir(prefix), 'project');
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(source + suffix)) copyFileSync(source + suffix, join(dir, `project.sqlite${suffix}`));
  }
  return dir;
}
