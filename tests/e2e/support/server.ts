import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { stopProcessGroup, waitForServing } from '../../helpers/serve-process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type RunningServer = { url: string; stop(): Promise<void> };

const START_TIMEOUT_MS = 90_000;

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Builds the renderer when no build exists or a renderer source is newer than it, so the test
 * runs on a fresh clone and never against a stale build. Asynchronous: a synchronous build of a
 * minute or more on a busy machine blocks the test worker, and vitest then times out its calls.
 */
export async function ensureRendererBuild(root: string): Promise<void> {
  const built = join(root, 'dist/renderer/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'renderer'))) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build: the
  // tests (and `mau-studio serve` later run from the same folder) must see what users get.
  const { stdout } = await promisify(execFile)(
    'npx',
    ['vite', 'build', '--config', 'renderer/vite.config.ts'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      maxBuffer: 16 << 20,
    },
  );
  process.stdout.write(stdout);
}

/** Starts `mau-studio serve --port 0` and waits for its one "serving at" line. */
export async function startServer(root: string, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn('npx', ['tsx', 'electron/cli/index.ts', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForServing(child, START_TIMEOUT_MS);
  return { url, stop: () => stopProcessGroup(child) };
}
