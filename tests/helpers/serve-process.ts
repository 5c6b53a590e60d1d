import type { ChildProcess } from 'node:child_process';

const READY = /MAU Studio serving at (\S+)/;

/** Stops a detached child's whole process group (npx → tsx → node), so no server outlives a run. */
export function stopProcessGroup(child: ChildProcess): Promise<void> {
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
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(hard);
      resolve();
    }
  });
}

/**
 * Resolves with the URL of the one "MAU Studio serving at <url>" line a `mau-studio serve` child
 * prints; rejects (and stops the child) when it exits first or says nothing in time.
 */
export function waitForServing(child: ChildProcess, timeoutMs: number): Promise<string> {
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopProcessGroup(child);
      reject(new Error(`${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail('the server did not say where it serves in time'), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = READY.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(url);
    });
    child.once('exit', (code, signal) => fail(`the server exited early (code ${code}, signal ${signal})`));
  });
}
