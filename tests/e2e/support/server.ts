import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type RunningServer = { url: string; stop(): Promise<void> };

const READY = /MAU Studio serving at (\S+)/;
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
 * runs on a fresh clone and never against a stale build.
 */
export function ensureRendererBuild(root: string): void {
  const built = join(root, 'dist/renderer/index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'renderer'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const hard = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    try {
      // The whole group: npx → tsx → node, so no server outlives the test.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(hard);
      resolve();
    }
  });
}

/** Starts `mau-studio serve --port 0` and waits for its one "serving at" line. */
export function startServer(root: string, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn('npx', ['tsx', 'electron/cli/index.ts', 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopProcess(child);
      reject(new Error(`${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail('the server did not say where it serves in time'), START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({ url: match[1], stop: () => stopProcess(child) });
    });
    child.once('exit', (code, signal) => fail(`the server exited early (code ${code}, signal ${signal})`));
  });
}
