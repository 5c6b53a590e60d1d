import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo';
import { cacheBase } from './scratch';

export type RendererBuild = {
  /** The folder holding dist/renderer: the server's working folder. */
  cwd: string;
  /** In words, for the report: which build the bench ran on. */
  describe: string;
};

/** The newest modification time of any file under the paths the renderer is built from. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const info = statSync(path);
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path)) {
      if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(path, entry));
    }
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return newest;
}

const stamp = (index: string) => new Date(statSync(index).mtimeMs).toISOString();

/**
 * A production build of the current renderer sources in a folder of the bench's own (never the
 * repo's dist/, which other runs may be using), rebuilt only when a source is newer. The build
 * goes to a staging folder first: when the sources do not build (someone is mid-change), the
 * last good bench build is used, else the repo's dist/renderer, and the report says so.
 */
export function rendererBuild(log: (m: string) => void): RendererBuild {
  const cwd = join(cacheBase(), 'mau-bench-renderer');
  const live = join(cwd, 'dist', 'renderer');
  const index = join(live, 'index.html');
  const sources = ['renderer', 'electron/contract', 'package.json'].map((p) => join(repoRoot, p));
  if (existsSync(index) && statSync(index).mtimeMs > newestSource(sources)) {
    return { cwd, describe: `a bench build of the current sources (${stamp(index)})` };
  }
  const staging = join(cwd, 'staging');
  log('building the renderer (vite)…');
  try {
    execFileSync(
      join(repoRoot, 'node_modules', '.bin', 'vite'),
      [
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--outDir',
        staging,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
  } catch (error) {
    const lines = String((error as { stderr?: string }).stderr ?? error).split('\n');
    const why =
      lines.map((l) => l.trim()).find((l) => l && !/^(✗|error during build|at )/.test(l)) ?? 'unknown error';
    log(`the renderer does not build now (${why}); falling back to an earlier build`);
    if (existsSync(index))
      return {
        cwd,
        describe: `the last good bench build (${stamp(index)}): the current sources did not build (${why})`,
      };
    const repoIndex = join(repoRoot, 'dist', 'renderer', 'index.html');
    if (existsSync(repoIndex))
      return {
        cwd: repoRoot,
        describe: `the repo's dist/renderer (${stamp(repoIndex)}): the current sources did not build (${why})`,
      };
    throw new Error(`the renderer does not build and there is no earlier build: ${why}`);
  }
  rmSync(live, { recursive: true, force: true });
  mkdirSync(join(cwd, 'dist'), { recursive: true });
  renameSync(staging, live);
  return { cwd, describe: 'built from the current sources for this run' };
}
