import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_MANIFEST_FILE, SyntheticManifest } from '../../../electron/core/synthetic';
import { repoRoot, tempDir } from '../../helpers/paths';
import { runCli } from '../transports/run-cli';

describe('mau-studio demo', () => {
  it('draws a small dataset, imports it into a new project and says how to open it', async () => {
    const tmp = tempDir('demo');
    const models = join(tmp, 'models');
    mkdirSync(models);
    const env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings'), MAU_STUDIO_MODELS_DIR: models };
    const dir = join(tmp, 'demo');
    const run = await runCli(['demo', dir, '--count', '12', '--seed', '3', '--size', '96'], env);
    expect(run.stderr).toMatch(/Drawing 12 synthetic images \(seed 3, 96 px\)/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Generated 6 OK and 6 NG images/);
    expect(run.stdout).toMatch(/added\s+12\n/);
    expect(run.stdout).toMatch(/failed\s+0\n/);
    expect(run.stdout).toMatch(/No model pack at .*mau-gpt-mini; skipping model registration/);
    expect(run.stdout).toContain(`Open it with: mau-studio serve --project ${dir}`);
    expect(existsSync(join(dir, 'project.sqlite'))).toBe(true);
    const manifest = SyntheticManifest.parse(
      JSON.parse(readFileSync(join(dir, 'data', SYNTHETIC_MANIFEST_FILE), 'utf8')),
    );
    expect(manifest.seed).toBe(3);

    // A second demo into the same folder would mix two datasets: refused, naming the folder.
    const again = await runCli(['demo', dir, '--count', '12'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${join(dir, 'data')} already exists and is not empty`);
  }, 120_000);

  it('registers the mau-gpt-mini pack when the models folder has one', async () => {
    const tmp = tempDir('demo');
    const models = join(tmp, 'models');
    // Any valid pack stands in for the shipped one: the command only registers what it finds.
    cpSync(join(repoRoot, 'models/test-models/anomalib-v2'), join(models, 'mau-gpt-mini'), {
      recursive: true,
    });
    const env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings') };
    const run = await runCli(
      ['demo', join(tmp, 'demo'), '--count', '4', '--size', '64', '--domain', 'pcb', '--models-dir', models],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Registered model pack \S+ \S+; run it with: mau-studio infer/);
  }, 120_000);

  it('rejects a count that is not a whole number, with the usage', async () => {
    const run = await runCli(['demo', join(tempDir('demo'), 'd'), '--count', 'lots']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--count must be a whole number from 1 to 100000, not "lots"/);
    expect(run.stderr).toMatch(/Usage: mau-studio demo/);

    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/\n {2}demo +draw a synthetic defect dataset/);
  }, 60_000);
});
