import { spawn } from 'node:child_process';
import { stopProcessGroup, waitForServing } from '../../helpers/serve-process';
import { join } from 'node:path';
import { repoRoot } from './repo';
import { scratchDir } from './scratch';

export type Served = { url: string; startMs: number; stop(): Promise<void> };

const START_TIMEOUT_MS = 120_000;

/**
 * `mau-studio serve --port 0 --project <dir>` from the sources, started in `cwd` (which holds the
 * renderer build as dist/renderer) with a settings folder of its own; resolves on its one
 * "MAU Studio serving at <url>" line.
 */
export async function serveProject(projectDir: string, cwd: string): Promise<Served> {
  const start = performance.now();
  const child = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [join(repoRoot, 'electron', 'cli', 'index.ts'), 'serve', '--port', '0', '--project', projectDir],
    {
      cwd,
      env: {
        ...process.env,
        MAU_STUDIO_SETTINGS_DIR: scratchDir('serve-settings'),
        // The build this run made (or chose), not whatever the repo's dist/renderer holds now.
        MAU_STUDIO_RENDERER_DIR: join(cwd, 'dist', 'renderer'),
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await waitForServing(child, START_TIMEOUT_MS);
  return { url, startMs: performance.now() - start, stop: () => stopProcessGroup(child) };
}
