import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asPackId } from '../../../electron/contract/api-inference';
import { tempDir } from '../../helpers/paths';
import { inferenceCore, TEST_MODELS } from './helpers';

/**
 * An app update that left a shipped pack broken (a file missing) must show that pack with why it
 * cannot run, not drop it from the list without a word.
 */
describe('a shipped pack that does not load', () => {
  const modelsDir = tempDir('models');
  cpSync(join(TEST_MODELS, 'anomalib-v2'), join(modelsDir, 'anomalib-v2'), { recursive: true });
  cpSync(join(TEST_MODELS, 'yolo-detect-raw'), join(modelsDir, 'broken-detector'), { recursive: true });
  rmSync(join(modelsDir, 'broken-detector', 'model.onnx'));
  const t = inferenceCore(modelsDir);
  afterAll(() => t.core.close());

  it('is listed with its problem beside the packs that load, and refused by name when run', async () => {
    await t.call('project:create', { dir: join(tempDir('project'), 'p') });
    const byId = new Map((await t.call('models:list', {})).map((m) => [m.packId, m]));
    expect(byId.get(asPackId('shipped:anomalib-v2'))?.problem).toBeNull();
    const broken = byId.get(asPackId('shipped:broken-detector'));
    expect(broken).toMatchObject({ shipped: true, registered: false, kind: 'yolo' });
    expect(broken?.problem).toMatch(/broken-detector.*model\.onnx/);
    expect(await t.failure('inference:start', { packId: asPackId('shipped:broken-detector') })).toMatch(
      /^INVALID_INPUT .*broken-detector.*model\.onnx/,
    );
  });
});
