import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAllLevels, loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { levelGrounding } from '../../../electron/core/mau-gpt/grounding';
import type { MauGptOptions } from '../../../electron/core/mau-gpt/options';
import { typesAnswer } from '../../../electron/core/mauset-qa/discrimination-classification';
import { repoRoot, tempDir } from '../../helpers/paths';
import { python, recipe, recipeScript } from './python';
import { alwaysNgCopy, editManifest, PITTING, TINY } from '../mau-gpt/helpers';

/** type_logits of a pack's defect_types.onnx for one S×S image of smooth made-up pixels. */
async function onnxLogits(dir: string, size: number): Promise<number[]> {
  const pixels = Float32Array.from({ length: 3 * size * size }, (_, i) => Math.sin(i * 0.11) * 1.5);
  const session = await ort.InferenceSession.create(join(dir, 'defect_types.onnx'));
  try {
    const out = await session.run({ pixel_values: new ort.Tensor('float32', pixels, [1, 3, size, size]) });
    return [...(out.type_logits!.data as Float32Array)];
  } finally {
    await session.release();
  }
}

type Report = { trainImages: number; val: { all?: number }; test: { all?: number } };

/**
 * `after` still carries `before`'s head: its graph, its options, and its logits on the same image.
 * Packs written by the recipe store the encoder in float16, which the smoke pack (written before
 * packs were) was not, hence not bit for bit.
 */
async function expectSameHead(before: string, after: string): Promise<void> {
  const [original, kept] = [await loadMauGptPack(before), await loadMauGptPack(after)];
  expect(kept.graphs.defectTypes?.path).toBe('defect_types.onnx');
  expect(kept.options.defectTypes).toEqual(original.options.defectTypes);
  const size = kept.options.vision.imageSize;
  const [was, is] = [await onnxLogits(before, size), await onnxLogits(after, size)];
  expect(is.map((v, i) => Math.abs(v - was[i]!)).every((d) => d < 5e-3)).toBe(true);
}

/**
 * train_types.py on the smoke pack and the fixture MAU-Set folder (real PyTorch, a few steps):
 * the pack it leaves must load, open and answer in the app as the recipe computes it.
 */
describe('the defect-type head (train_types.py → defect_types.onnx)', () => {
  let work: string;
  let pack: string;
  let report: Report;

  beforeAll(async () => {
    work = tempDir('defect-types');
    const data = join(work, 'mauset');
    pack = join(work, 'typed');
    await python([recipe('tests_fixture.py'), '--out', data]);
    await cp(TINY, pack, { recursive: true });
    const out = join(work, 'report.json');
    await python([recipe('train_types.py'), '--pack', pack, '--data', data, '--smoke', '--report', out]);
    report = JSON.parse(await readFile(out, 'utf8')) as Report;
  }, 240_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('adds its graph, options and weights to the pack, every hash rewritten', async () => {
    expect(report.trainImages).toBeGreaterThan(0);
    const loaded = await loadMauGptPack(pack);
    expect(loaded.graphs.defectTypes?.path).toBe('defect_types.onnx');
    const head = loaded.options.defectTypes!;
    expect(head.labels).toEqual(loaded.manifest.labels);
    expect(head.byCategory.ball_screw).toEqual(['pitting']);
  });

  it('exports the head the checkpoint holds: onnxruntime and PyTorch agree on the logits', async () => {
    const size = (await loadMauGptPack(pack)).options.vision.imageSize;
    const fromOnnx = await onnxLogits(pack, size);
    const { stdout } = await recipeScript([
      'import math, torch',
      'from checkpoint import load_base',
      'from defect_types import level_statistics',
      `_, _, model, config = load_base(${JSON.stringify(pack)})`,
      `s = ${size}`,
      'x = torch.tensor([math.sin(i * 0.11) * 1.5 for i in range(3 * s * s)], dtype=torch.float32).view(1, 3, s, s)',
      'with torch.no_grad(): print(json.dumps(model.defect_types[0](level_statistics(model.vision, x))[0].tolist()))',
    ]);
    const fromTorch = JSON.parse(stdout) as number[];
    expect(fromOnnx).toHaveLength(fromTorch.length);
    const worst = fromOnnx.reduce((w, v, i) => Math.max(w, Math.abs(v - fromTorch[i]!)), 0);
    expect(worst).toBeLessThan(1e-4);
  }, 60_000);

  it('words its answers as the export does, in both languages', async () => {
    // the recipe's own grounded starts (pack.py), applied by both sides to the same picture
    const types = ['open', 'mousebite', 'pin-hole'];
    const { stdout } = await recipeScript([
      'from grounding import level_grounding, types_answer',
      'from pack import GROUNDED_LEVELS',
      'options = {"groundedLevels": GROUNDED_LEVELS}',
      `print(json.dumps({"levels": GROUNDED_LEVELS, "answers": [types_answer(${JSON.stringify(types)}),`,
      '  types_answer(["pitted_surface"])], "starts": [level_grounding(options, level, True, "PCB", 2,',
      '  ["mousebite"])[0] for level in (3, 4, 5)]}))',
    ]);
    const fromPython = JSON.parse(stdout) as { levels: unknown; answers: string[]; starts: string[] };
    const options = {
      ...(await loadMauGptPack(pack)).options,
      groundedLevels: fromPython.levels,
    } as MauGptOptions;
    const fill = (text: string) => text.replaceAll('{object}', 'PCB');
    const picture = { verdict: 'NG' as const, regionCount: 2, types: ['mousebite'] };
    const starts = (['3', '4', '5'] as const).map(
      (level) => levelGrounding(options, level, picture, fill).answerStart,
    );
    expect(starts).toEqual([
      'There are 2 defects: r1 (mouse bite)',
      'r1 (mouse bite)',
      'Likely cause of the mouse bite:',
    ]);
    expect(fromPython.starts).toEqual(starts);
    expect(fromPython.answers).toEqual([typesAnswer(types), typesAnswer(['pitted_surface'])]);
  }, 60_000);

  it("names every label of the shipped head as the export does, in Python's mirror too", async () => {
    const labels = (await loadMauGptPack(join(repoRoot, 'models/mau-gpt-mini'))).options.defectTypes!.labels;
    const { stdout } = await recipeScript([
      'from grounding import types_answer',
      `print(json.dumps([types_answer([label]) for label in ${JSON.stringify(labels)}]))`,
    ]);
    expect(JSON.parse(stdout)).toEqual(labels.map((label) => typesAnswer([label])));
  }, 60_000);

  it("answers L2 with the head's types on a part called NG, and types its regions", async () => {
    const ng = await alwaysNgCopy(pack, join(work, 'always-ng'));
    const runtime = await MauGptRuntime.open(await loadMauGptPack(ng), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
    try {
      const deltas: string[] = [];
      const answers = await answerAllLevels(runtime, PITTING, {
        category: 'ball_screw',
        object: 'ball screw',
        onToken: (level, delta) => level === '2' && deltas.push(delta),
      });
      expect(answers.result.verdict).toBe('NG');
      // a ball screw may only take pitting, whatever the few smoke steps learnt
      expect(answers.result.texts['2']).toBe('It is pitting.');
      expect(deltas.join('')).toBe('It is pitting.');
      expect(answers.result.regions.length).toBeGreaterThan(0);
      expect(answers.result.regions.every((r) => r.defectType === 'pitting')).toBe(true);
    } finally {
      await runtime.close();
    }
  }, 120_000);

  it('stays with the pack through a fine-tune, which leaves the encoder it reads alone', async () => {
    const tuned = join(work, 'tuned');
    await python([
      recipe('finetune.py'),
      '--base',
      pack,
      '--data',
      join(work, 'mauset'),
      '--out',
      tuned,
      '--smoke',
    ]);
    await expectSameHead(pack, tuned);
  }, 240_000);

  it('stays with the pack through a train.py sitting that takes no vision step', async () => {
    const config = join(work, 'adapter-only.json');
    await writeFile(
      config,
      JSON.stringify({ stage1: { steps: 0, lmSteps: 0 }, stage2: { steps: 2, batch: 2 } }),
    );
    const sat = join(work, 'adapter-sitting');
    const data = join(work, 'mauset');
    await python([
      recipe('train.py'),
      '--init',
      pack,
      '--data',
      data,
      '--out',
      sat,
      '--config',
      config,
      '--smoke',
    ]);
    await expectSameHead(pack, sat);
  }, 240_000);

  it('is refused when the pack and its options disagree, naming what is wrong', async () => {
    const orphan = join(work, 'orphan');
    await cp(pack, orphan, { recursive: true });
    await editManifest(orphan, (m) => {
      delete m.options.defectTypes;
    });
    await expect(loadMauGptPack(orphan)).rejects.toThrow(
      /defect_types\.onnx.*options\.defectTypes is missing/,
    );

    const miscounted = join(work, 'miscounted');
    await cp(pack, miscounted, { recursive: true });
    await editManifest(miscounted, (m) => {
      const head = m.options.defectTypes as { labels: string[] };
      head.labels = [...head.labels, 'extra'];
    });
    const opening = MauGptRuntime.open(await loadMauGptPack(miscounted), { providers: ['cpu'] });
    await expect(opening).rejects.toThrow(/defect_types\.onnx.*type_logits.*defectTypes\.labels/);
  }, 120_000);
});
