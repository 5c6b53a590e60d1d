import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelPack } from '../../../electron/core/inference';
import { pythonPath } from '../../../electron/core/finetune/python-env';
import { repoRoot, sharedData, tempDir } from '../../helpers/paths';
import { exportTo, importFolder } from '../exchange/helpers';
import { inferenceCore, waitForJob, type TestCore } from '../inference-jobs/helpers';

const run = promisify(execFile);

/**
 * The recipe reads exactly what the app writes: the BSData fixture is imported and exported as
 * MAU-Set by the app, `train.py --smoke` trains both stages on that folder and writes a pack,
 * and the app registers the pack and answers the five levels with it.
 */
describe('the model recipe in smoke mode, on the app’s own MAU-Set export', () => {
  let t: TestCore;
  let work: string;

  beforeAll(async () => {
    t = inferenceCore();
    work = tempDir('recipe-smoke');
    await t.call('project:create', { dir: join(work, 'project'), name: 'Ball screws' });
    await importFolder(t.call, join(sharedData, 'bsdata'), 'bsdata', true);
  }, 60_000);
  afterAll(() => t?.core.close());

  it('trains from the export, writes a complete pack, and the app runs it', async () => {
    const data = join(work, 'mauset');
    const report = await exportTo(t.call, { format: 'mauset', outDir: data });
    expect(report.exported).toBeGreaterThan(0);

    const out = join(work, 'pack');
    const { stdout } = await run(
      pythonPath(),
      [join(repoRoot, 'models/recipe/train.py'), '--smoke', '--data', data, '--out', out],
      { env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' }, timeout: 240_000, maxBuffer: 16 << 20 },
    );
    expect(stdout).toMatch(/^data: \d+ train/m);
    expect(stdout).toMatch(/pack written to/);
    for (const file of [
      'vision_encoder.onnx',
      'embed_tokens.onnx',
      'decoder_model_merged.onnx',
      'checkpoint.pt',
    ])
      expect(existsSync(join(out, file)), file).toBe(true);

    const pack = await loadModelPack(out);
    expect(pack.manifest.kind).toBe('mau-gpt');
    // the smoke config's answer cap per level reaches the app's generation config
    const generation = JSON.parse(await readFile(join(out, 'generation_config.json'), 'utf8')) as object;
    expect(generation).toMatchObject({ max_new_tokens: 24, max_new_tokens_by_level: { '5': 32 } });
    const added = await t.call('models:add', { dir: out });
    const { ids } = await t.call('samples:ids', { filter: { verdicts: ['NG'] } });
    const { jobId } = await t.call('inference:start', {
      packId: added.packId,
      providers: ['cpu'],
      threads: 1,
      filter: { verdicts: ['NG'] },
    });
    const job = await waitForJob(t.call, jobId);
    expect(job.state, job.message).toBe('done');
    expect(job.outcome).toMatchObject({ predicted: ids.length, failed: 0 });
    const detail = (await t.call('predictions:get', { sampleId: ids[0]! }))!;
    expect(detail.pack.kind).toBe('mau-gpt');
    expect(detail.heatmap).toBe(true);
    // A smoke model may end a level at once (an empty answer is not stored); what it says is
    // stored per level.
    const texts = (await t.call('labels:get', { sampleId: ids[0]! })).prediction!.texts;
    expect(Object.keys(texts).length).toBeGreaterThan(0);
    for (const level of Object.keys(texts)) expect(['1', '2', '3', '4', '5']).toContain(level);
  }, 300_000);
});
