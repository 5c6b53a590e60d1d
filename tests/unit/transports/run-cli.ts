import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const bsdataDir = '/work/shared/data/bsdata';

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI from source the way `npx tsx electron/cli/index.ts …` does. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['electron/cli/index.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What the fixture rows of a dataset manifest say the import must produce. */
export function fixtureExpectations(datasetDir: string) {
  const [header, ...rows] = readFileSync(join(datasetDir, 'manifest.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const at = (row: string[], name: string) => row[columns.indexOf(name)]!;
  const fixture = rows.map((line) => line.split(',')).filter((row) => at(row, 'fixture') === '1');
  const tally = (values: string[]) =>
    values.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {});
  return {
    count: fixture.length,
    verdicts: tally(fixture.map((row) => (at(row, 'label') === 'normal' ? 'OK' : 'NG'))),
    splits: tally(fixture.map((row) => at(row, 'split'))),
  };
}
