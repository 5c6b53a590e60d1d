import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pythonPath } from '../../../electron/core/finetune/python-env';
import { repoRoot } from '../../helpers/paths';

const run = promisify(execFile);

/** A file of the model recipe. */
export const recipe = (file: string) => join(repoRoot, 'models/recipe', file);

/** Runs the recipe's Python (torch kept off spinning idle threads), up to four minutes. */
export function python(args: string[]) {
  const env = { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' };
  return run(pythonPath(), args, { env, timeout: 240_000, maxBuffer: 16 << 20 });
}

/** Runs Python source with the recipe's modules importable (and sys, json imported). */
export function recipeScript(lines: string[]) {
  return python([
    '-c',
    ['import sys, json', `sys.path.insert(0, ${JSON.stringify(recipe(''))})`, ...lines].join('\n'),
  ]);
}
