import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { adapterFor } from '../../../electron/core/inference/adapters/select';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import { PACKS, scratchCopy, TEST_MODELS } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function brokenCopy(pack: string, edit: (manifest: Record<string, unknown>) => void): Promise<string> {
  const copy = await scratchCopy(join(TEST_MODELS, pack));
  cleanups.push(copy.cleanup);
  const path = join(copy.dir, 'model.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest));
  return copy.dir;
}

async function loadError(dir: string, kind?: 'anomalib' | 'yolo'): Promise<AppError> {
  const error = await loadModelPack(dir, kind ? { kind } : {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('loading model packs', () => {
  it.each(PACKS)('loads and verifies the %s test pack', async (name) => {
    const pack = await loadModelPack(join(TEST_MODELS, name));
    expect(pack.dir).toBe(join(TEST_MODELS, name));
    expect(pack.id).toMatch(new RegExp(`^${name}@0\\.1\\.0:[0-9a-f]{12}$`));
    expect(pack.modelPath).toBe(join(TEST_MODELS, name, 'model.onnx'));
    expect(() => adapterFor(pack).check(pack)).not.toThrow();
  });

  it('says the folder is not there', async () => {
    const error = await loadError(join(TEST_MODELS, 'no-such-pack'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`model pack ${join(TEST_MODELS, 'no-such-pack')}: folder not found`);
  });

  it('says model.json is missing', async () => {
    const copy = await scratchCopy(join(TEST_MODELS, 'anomalib-v2'));
    cleanups.push(copy.cleanup);
    await rm(join(copy.dir, 'model.json'));
    const error = await loadError(copy.dir);
    expect(error.message).toBe(`model pack ${copy.dir}: model.json is missing`);
  });

  it('says model.json is not JSON', async () => {
    const copy = await scratchCopy(join(TEST_MODELS, 'anomalib-v2'));
    cleanups.push(copy.cleanup);
    await writeFile(join(copy.dir, 'model.json'), '{ "kind": "anomalib", ');
    expect((await loadError(copy.dir)).message).toMatch(/model\.json is not valid JSON/);
  });

  it('names the invalid field', async () => {
    const dir = await brokenCopy('yolo-detect-raw', (m) => {
      ((m.inputs as { resize: { width: unknown } }[])[0]!.resize.width as unknown) = 'wide';
    });
    const error = await loadError(dir);
    expect(error.message).toMatch(/model\.json: invalid field inputs\.0\.resize\.width: /);
    expect(error.details?.[0]).toMatch(/^inputs\.0\.resize\.width/);
  });

  it('names an invalid adapter option', async () => {
    const dir = await brokenCopy('yolo-detect-raw', (m) => {
      m.options = { task: 'pose', format: 'raw' };
    });
    expect((await loadError(dir)).message).toMatch(/invalid field options\.task/);
  });

  it('refuses a file whose hash does not match and names it', async () => {
    const copy = await scratchCopy(join(TEST_MODELS, 'anomalib-v1'));
    cleanups.push(copy.cleanup);
    await writeFile(join(copy.dir, 'metadata.json'), '{"image_threshold": 0}');
    const error = await loadError(copy.dir);
    expect(error.message).toMatch(
      /file metadata\.json: sha256 mismatch \(model\.json says [0-9a-f]{12}…, the file is [0-9a-f]{12}…\)/,
    );
  });

  it('names a listed file that is missing', async () => {
    const copy = await scratchCopy(join(TEST_MODELS, 'anomalib-v1'));
    cleanups.push(copy.cleanup);
    await rm(join(copy.dir, 'model.onnx'));
    expect((await loadError(copy.dir)).message).toMatch(/file model\.onnx listed in model\.json is missing/);
  });

  it('refuses paths that leave the pack folder, by name or by symlink', async () => {
    const byName = await brokenCopy('anomalib-v2', (m) => {
      (m.files as { path: string }[])[0]!.path = '../anomalib-v1/model.onnx';
    });
    expect((await loadError(byName)).message).toMatch(
      /files\.0\.path: must be a relative path inside the pack folder/,
    );
    const copy = await scratchCopy(join(TEST_MODELS, 'anomalib-v2'));
    cleanups.push(copy.cleanup);
    await rm(join(copy.dir, 'model.onnx'));
    await symlink(join(TEST_MODELS, 'anomalib-v2', 'model.onnx'), join(copy.dir, 'model.onnx'));
    expect((await loadError(copy.dir)).message).toMatch(/file model\.onnx resolves outside the pack folder/);
  });

  it('refuses a pack of another kind', async () => {
    const error = await loadError(join(TEST_MODELS, 'anomalib-v2'), 'yolo');
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toBe(
      `model pack ${join(TEST_MODELS, 'anomalib-v2')}: is an anomalib pack, expected a yolo pack`,
    );
  });

  it('refuses an anomalib v1 pack without its calibration when a predictor is built', async () => {
    const dir = await brokenCopy('anomalib-v1', (m) => {
      m.thresholds = { image: 0.5 };
    });
    const pack = await loadModelPack(dir);
    expect(() => adapterFor(pack).check(pack)).toThrow(/needs image, pixel and normalisation/);
  });

  it('refuses an image input it cannot preprocess', async () => {
    const dir = await brokenCopy('anomalib-v2', (m) => {
      const input = (m.inputs as Record<string, unknown>[])[0]!;
      input.shape = [1, 4, 128, 128];
    });
    expect((await loadError(dir)).message).toMatch(
      /input input: shape \[1, 4, 128, 128\] is not NCHW with 3 channels/,
    );
  });
});
