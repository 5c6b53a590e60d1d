import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo';
import { scratchDir } from './scratch';

export type Served = { url: string; startMs: number; stop(): Promise<void> };

const READY = /MAU Studio serving at (\S+)/;
const START_TIMEOUT_MS = 120_000;

function stop(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
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
      // The process group: tsx and the node it starts.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(hard);
      resolve();
    }
  });
}

/**
 * `mau-studio serve --port 0 --project <dir>` from the sources, started in `cwd` (which holds the
 * renderer build as dist/renderer) with a settings folder of its own; resolves on its one
 * "MAU Studio serving at <url>" line.
 */
export function serveProject(projectDir: string, cwd: string): Promise<Served> {
  const start = performance.now();
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [join(repoRoot, 'electron', 'cli', 'index.ts'), 'serve', '--port', '0', '--project', projectDir],
    {
      cwd,
      env: { ...process.env, MAU_STUDIO_SETTINGS_DIR: scratchDir('serve-settings') },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(child);
      reject(new Error(`${why}; stderr: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    };
    const timer = setTimeout(() => fail('the server did not say where it serves in time'), START_TIMEOUT_MS);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = READY.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url, startMs: performance.now() - start, stop: () => stop(child) });
    });
    child.once('exit', (code, signal) => fail(`the server exited early (code ${code}, signal ${signal})`));
  });
}
