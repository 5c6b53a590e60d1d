import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/paths';
import { runCli } from '../transports/run-cli';
import { NEU_DET, TEST_MODELS } from './helpers';

describe('mau-studio infer', () => {
  let env: Record<string, string>;
  let project: string;
  let images: string;

  beforeAll(async () => {
    const tmp = tempDir('cli-infer');
    env = { MAU_STUDIO_SETTINGS_DIR: join(tmp, 'settings'), MAU_STUDIO_MODELS_DIR: TEST_MODELS };
    images = join(tmp, 'images');
    mkdirSync(images);
    for (const name of ['scratches_170.jpg', 'inclusion_194.jpg', 'patches_1.jpg']) {
      copyFileSync(join(NEU_DET, 'IMAGES', name), join(images, name));
    }
    project = join(tmp, 'project');
    const imported = await runCli(['import', project, images, '--format', 'folder', '--split', 'test'], env);
    expect(imported.code).toBe(0);
  }, 120_000);

  it('registers a pack folder, predicts, then skips on a second run', async () => {
    const pack = join(TEST_MODELS, 'yolo-segment-raw');
    const args = [
      'infer',
      project,
      '--model',
      pack,
      '--filter-json',
      '{"splits":["test"]}',
      '--provider',
      'cpu',
      '--threads',
      '1',
    ];
    const first = await runCli(args, env);
    expect(first.stderr).toMatch(/Inference: yolo-segment-raw 0\.1\.0/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/done, 3 of 3 images on cpu/);
    expect(first.stdout).toMatch(/predicted\s+3\n\s+skipped\s+0\n\s+failed\s+0/);

    // the second time the pack is named, registered by the first run, and everything is known
    const again = await runCli(['infer', project, '--model', 'yolo-segment-raw', '--provider', 'cpu'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/predicted\s+0\n\s+skipped\s+3/);
  });

  it('runs the new version of a shipped pack that replaced the one a project ran before', async () => {
    // an app update puts a new version of its shipped pack in the same folder
    const tmp = tempDir('cli-infer-update');
    const shipped = join(tmp, 'models');
    cpSync(join(TEST_MODELS, 'anomalib-v2'), join(shipped, 'anomalib-v2'), { recursive: true });
    const appEnv = { ...env, MAU_STUDIO_MODELS_DIR: shipped };
    const own = join(tmp, 'project');
    expect((await runCli(['import', own, images, '--format', 'folder'], appEnv)).code).toBe(0);
    const args = ['infer', own, '--model', 'anomalib-v2', '--provider', 'cpu', '--threads', '1'];
    const first = await runCli(args, appEnv);
    expect(first.stdout).toMatch(/predicted\s+3/);

    const manifest = join(shipped, 'anomalib-v2', 'model.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"version": "0.1.0"', '"version": "0.2.0"'),
    );
    const updated = await runCli(args, appEnv);
    expect(updated.stderr).toMatch(/Inference: anomalib-v2 0\.2\.0/);
    expect(updated.stdout).toMatch(/predicted\s+3\n\s+skipped\s+0\n\s+failed\s+0/);
    expect(updated.code).toBe(0);
    // the old version is still listed, with its predictions, and says why it cannot run
    const pinned = await runCli([...args.slice(0, 3), 'anomalib-v2@0.1.0', ...args.slice(4)], appEnv);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toMatch(/now holds anomalib-v2 0\.2\.0, not anomalib-v2 0\.1\.0/);
  }, 120_000);

  it('exits 2 and names the image when one cannot be decoded', async () => {
    const broken = join(images, 'patches_1.jpg');
    const { size, atime, mtime } = statSync(broken);
    writeFileSync(broken, Buffer.alloc(size, 0x5a));
    utimesSync(broken, atime, mtime);
    const run = await runCli(['infer', project, '--model', 'anomalib-v2', '--provider', 'cpu'], env);
    expect(run.stdout).toMatch(/predicted\s+2\n\s+skipped\s+0\n\s+failed\s+1/);
    expect(run.stdout).toMatch(/Problems \(1\):\n {2}patches_1\.jpg: /);
    expect(run.code).toBe(2);
  });

  it('explains a model it cannot find and a bad filter', async () => {
    const missing = await runCli(['infer', project, '--model', 'no-such-pack'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /--model no-such-pack: no such folder, and no pack of that name \(known: .*anomalib-v2@0\.1\.0/,
    );
    const filter = await runCli(
      ['infer', project, '--model', 'anomalib-v2', '--filter-json', '{"splits":["nope"]}'],
      env,
    );
    expect(filter.code).toBe(1);
    expect(filter.stderr).toMatch(/--filter-json: splits\.0: /);
  });
});
