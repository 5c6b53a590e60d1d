import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pythonPath } from '../../../electron/core/finetune/python-env';
import { repoRoot, tempDir } from '../../helpers/paths';

const run = promisify(execFile);

/** The generation section and answer caps per level that config.py makes of a config file. */
async function loadConfig(override: unknown): Promise<{ caps: Record<string, number>; three: number }> {
  const file = join(tempDir('recipe-config'), 'config.json');
  await writeFile(file, JSON.stringify(override));
  const script = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(join(repoRoot, 'models/recipe'))})`,
    'from config import load_config',
    'from generate import answer_cap',
    `c = load_config(${JSON.stringify(file)})`,
    'print(json.dumps({"caps": {l: answer_cap(c, l) for l in "12345"}, "three": answer_cap(c, 3)}))',
  ].join('\n');
  const { stdout } = await run(pythonPath(), ['-c', script], { timeout: 60_000 });
  return JSON.parse(stdout) as { caps: Record<string, number>; three: number };
}

describe('the recipe config: answer caps per level (generation.maxNewTokensByLevel)', () => {
  it('sets the named levels as one piece, the others keep maxNewTokens', async () => {
    const { caps, three } = await loadConfig({
      generation: { maxNewTokens: 40, maxNewTokensByLevel: { '3': 30, '5': 90 } },
    });
    expect(caps).toEqual({ '1': 40, '2': 40, '3': 30, '4': 40, '5': 90 });
    expect(three).toBe(30);
  });

  it.each([
    [{ '6': 30 }, `'6': 30`],
    [{ '5': 0 }, `'5': 0`],
    [{ '5': 1.5 }, `'5': 1.5`],
  ])('refuses %j, naming the field and the value', async (caps, shown) => {
    const error = (await loadConfig({ generation: { maxNewTokensByLevel: caps } }).catch(
      (e: Error) => e,
    )) as Error;
    expect(error.message).toContain('config: generation.maxNewTokensByLevel needs levels');
    expect(error.message).toContain(shown);
  });
});
