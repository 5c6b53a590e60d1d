import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AppError } from '../../contract/result';
import { parseRecipeLine, type RecipeLine } from './progress-line';

const STDERR_TAIL = 4000;
/** Grace before SIGKILL: torch may sit in a long C++ call that ignores SIGTERM for a while. */
const KILL_GRACE_MS = 3000;

export type RecipeRun = { python: string; script: string; args: string[]; cwd: string };

/**
 * Runs the recipe in its own process group, hands each progress line to `onLine`, and on abort
 * kills the whole group (Python and any helper it started). Resolves with the last stdout lines'
 * `done` record; rejects with the recipe's own last error line when it fails.
 */
export function runRecipe(
  run: RecipeRun,
  signal: AbortSignal,
  onLine: (line: RecipeLine) => void,
): Promise<Extract<RecipeLine, { stage: 'done' }>> {
  return new Promise((resolve, reject) => {
    const child = spawn(run.python, [run.script, ...run.args], {
      cwd: run.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE', PYTHONUNBUFFERED: '1' },
    });
    let stderr = '';
    let done: Extract<RecipeLine, { stage: 'done' }> | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();

    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = parseRecipeLine(text);
      if (!line) return;
      if (line.stage === 'done' && 'pack' in line) done = line;
      onLine(line);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    child.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(new AppError('UNSUPPORTED', `${run.python}: cannot start the recipe (${error.message})`));
    });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(killTimer);
      if (signal.aborted) return reject(new AppError('CANCELLED', 'fine-tune cancelled'));
      if (code === 0 && done) return resolve(done);
      reject(
        new AppError(
          'INTERNAL',
          `${run.script} failed (${sig ?? `exit code ${code}`}): ${lastError(stderr)}`,
        ),
      );
    });
  });
}

/** The line that says what went wrong: our own `finetune: …` message, else the traceback's last. */
function lastError(stderr: string): string {
  const lines = stderr.trim().split('\n').filter(Boolean);
  const ours = lines.filter((l) => l.startsWith('finetune: ')).pop();
  return ours?.slice('finetune: '.length) ?? lines.pop() ?? 'no error output';
}
