import { spawn } from 'node:child_process';
import { AppError } from '../../contract/result';

export const DEFAULT_PYTHON = '/usr/bin/python3';
export const MISSING_TORCH =
  'fine-tuning needs python3 with torch (Debian: apt-get install python3-torch python3-onnx)';

/** The interpreter that runs the recipe: MAU_STUDIO_PYTHON when set, else Debian's python3. */
export function pythonPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAU_STUDIO_PYTHON?.trim() || DEFAULT_PYTHON;
}

/**
 * Checks, before any export or training, that the interpreter exists and imports torch and
 * onnx, so a missing package is one clear sentence instead of a Python traceback mid-job.
 */
export async function checkPython(python: string): Promise<void> {
  const outcome = await new Promise<{ code: number | null; error?: Error; stderr: string }>((done) => {
    const child = spawn(python, ['-c', 'import torch, onnx'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => done({ code: null, error, stderr }));
    child.on('close', (code) => done({ code, stderr }));
  });
  if (outcome.error) {
    throw new AppError('UNSUPPORTED', `${MISSING_TORCH}; ${python}: ${outcome.error.message}`);
  }
  if (outcome.code !== 0) {
    const last = outcome.stderr.trim().split('\n').pop() ?? `exit code ${outcome.code}`;
    throw new AppError('UNSUPPORTED', `${MISSING_TORCH}; ${python}: ${last}`);
  }
}
