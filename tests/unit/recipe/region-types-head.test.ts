import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAllLevels, loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { cropBox, regionCropBatches } from '../../../electron/core/mau-gpt/region-crops';
import { pickListed } from '../../../electron/core/mau-gpt/region-typing';
import { sharedData, tempDir } from '../../helpers/paths';
import { python, recipe, recipeScript } from './python';
import { alwaysNgCopy, editManifest, TINY } from '../mau-gpt/helpers';

type Report = { trainRegions: number; categories: string[]; val: { regions?: number } };

/** A real 640×640 DeepPCB board. */
const PCB_BOARD = join(sharedData, 'deeppcb/PCBData/group00041/00041/00041001_test.jpg');

/** The output names of a pack's defect_types.onnx. */
async function outputsOf(dir: string): Promise<string[]> {
  const session = await ort.InferenceSession.create(join(dir, 'defect_types.onnx'));
  const names = [...session.outputNames];
  await session.release();
  return names;
}

/** Two made-up S×S crops, the same on both sides of the parity check. */
const cropsOf = (size: number) =>
  Float32Array.from({ length: 2 * 3 * size * size }, (_, i) => Math.sin(i * 0.07) * 1.2);

/**
 * train_region_types.py on the smoke pack with its defect-type head (real PyTorch, a few steps,
 * the fixture MAU-Set folder): the head the app then runs on a crop around each region.
 */
describe('the region-type head (train_region_types.py → defect_types.onnx region_type_logits)', () => {
  let work: string;
  let data: string;
  let pack: string;
  let report: Report;

  beforeAll(async () => {
    work = tempDir('region-types');
    data = join(work, 'mauset');
    pack = join(work, 'typed');
    await python([recipe('tests_fixture.py'), '--out', data]);
    await cp(TINY, pack, { recursive: true });
    await python([recipe('train_types.py'), '--pack', pack, '--data', data, '--smoke']);
    const out = join(work, 'report.json');
    await python([
      recipe('train_region_types.py'),
      '--pack',
      pack,
      '--data',
      data,
      '--smoke',
      '--report',
      out,
    ]);
    report = JSON.parse(await readFile(out, 'utf8')) as Report;
  }, 240_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('adds its graph and crop options to the pack, learnt on the boards', async () => {
    expect(report.categories).toEqual(['pcb']);
    expect(report.trainRegions).toBeGreaterThan(0);
    expect(report.val.regions).toBeGreaterThan(0);
    const loaded = await loadMauGptPack(pack);
    expect(loaded.options.defectTypes?.regions).toEqual({ scale: 2, minSide: 48 });
    expect(await outputsOf(pack)).toEqual(['type_logits', 'region_type_logits']);
  });

  it('cuts the crop Python cuts, at the edges and for tiny and huge regions', async () => {
    const cases: [[number, number, number, number], number, number][] = [
      [[100, 100, 20, 10], 640, 640],
      [[0, 0, 5, 5], 640, 640],
      [[630.5, 2.5, 9, 30], 640, 640],
      [[10, 10, 600, 300], 640, 480],
      [[12.25, 7.75, 24.5, 24.5], 200, 200],
    ];
    const { stdout } = await recipeScript([
      'from region_types import crop_box',
      `print(json.dumps([crop_box(b, w, h, 2.0, 48) for b, w, h in ${JSON.stringify(cases)}]))`,
    ]);
    const ours = cases.map(([b, w, h]) => {
      const { left, top, side } = cropBox(b, w, h, { scale: 2, minSide: 48 });
      return [left, top, side];
    });
    expect(ours).toEqual(JSON.parse(stdout));
  }, 60_000);

  it('exports the head the checkpoint holds as a second output: onnxruntime and PyTorch agree crop by crop', async () => {
    const size = (await loadMauGptPack(pack)).options.vision.imageSize;
    const session = await ort.InferenceSession.create(join(pack, 'defect_types.onnx'));
    const out = await session.run({
      pixel_values: new ort.Tensor('float32', cropsOf(size), [2, 3, size, size]),
    });
    await session.release();
    const fromOnnx = [...(out.region_type_logits!.data as Float32Array)];
    const { stdout } = await recipeScript([
      'import math, torch',
      'from checkpoint import load_base',
      'from defect_types import level_statistics',
      'from region_types import region_head',
      `_, _, model, config = load_base(${JSON.stringify(pack)})`,
      `s = ${size}`,
      'x = torch.tensor([math.sin(i * 0.07) * 1.2 for i in range(2 * 3 * s * s)], dtype=torch.float32).view(2, 3, s, s)',
      'head = region_head(model.defect_types[1]["regions"])',
      'with torch.no_grad(): print(json.dumps(head(level_statistics(model.vision, x)).flatten().tolist()))',
    ]);
    const fromTorch = JSON.parse(stdout) as number[];
    expect(fromOnnx).toHaveLength(fromTorch.length);
    expect(fromOnnx.reduce((w, v, i) => Math.max(w, Math.abs(v - fromTorch[i]!)), 0)).toBeLessThan(1e-4);
  }, 60_000);

  it('gives each region of a board called NG the listed type its crop rates highest', async () => {
    // every type a board may take is listed: the region head must choose among them
    const ng = await alwaysNgCopy(pack, join(work, 'always-ng'), (m) => {
      (m.options.defectTypes as { threshold: number }).threshold = 1e-6;
    });
    const boards = join(data, 'images/deeppcb');
    const board = join(
      boards,
      (await readdir(boards)).find((f) => f.endsWith('_test.jpg'))!,
    );
    const runtime = await MauGptRuntime.open(await loadMauGptPack(ng), {
      providers: ['cpu'],
      intraOpNumThreads: 1,
    });
    try {
      const answers = await answerAllLevels(runtime, board, { category: 'pcb', object: 'PCB' });
      const listed = ['copper', 'mousebite', 'open', 'pin-hole', 'short', 'spur'];
      expect(answers.result.verdict).toBe('NG');
      expect(answers.result.texts['2']).toMatch(/^There are 6 defect types: /);
      expect(answers.result.regions.length).toBeGreaterThan(0);
      for (const region of answers.result.regions) expect(listed).toContain(region.defectType);
    } finally {
      await runtime.close();
    }
  }, 120_000);

  it('cuts the same crops in batches as in one, decoding the image once for all', async () => {
    const options = (await loadMauGptPack(pack)).options;
    const boxes = [
      [10, 10, 30, 20],
      [600, 600, 30, 30],
      [300, 200, 5, 80],
    ] as const;
    const cut = async (perBatch: number) => {
      const batches = [];
      for await (const t of regionCropBatches(
        PCB_BOARD,
        boxes,
        options,
        { scale: 2, minSide: 48 },
        'board',
        perBatch,
      ))
        batches.push(t);
      return batches;
    };
    const [split, whole] = [await cut(2), await cut(3)];
    expect(split.map((t) => t.dims[0])).toEqual([2, 1]);
    expect(whole.map((t) => t.dims[0])).toEqual([3]);
    const joined = new Float32Array([
      ...(split[0]!.data as Float32Array),
      ...(split[1]!.data as Float32Array),
    ]);
    expect(joined).toEqual(whole[0]!.data);
  });

  it('picks among the listed types only, by the highest logit', () => {
    const labels = ['copper', 'open', 'short'];
    const logits = [
      [5, 1, 2],
      [0, 3, 4],
    ];
    expect(pickListed(logits, ['open', 'short'], labels)).toEqual(['short', 'short']);
    expect(pickListed(logits, ['short', 'copper'], labels)).toEqual(['copper', 'short']);
  });

  it('stays with the pack through a fine-tune, and goes when train_types.py makes a new image head', async () => {
    const tuned = join(work, 'tuned');
    await python([recipe('finetune.py'), '--base', pack, '--data', data, '--out', tuned, '--smoke']);
    const kept = await loadMauGptPack(tuned);
    expect(kept.options.defectTypes?.regions).toEqual({ scale: 2, minSide: 48 });
    expect(await outputsOf(tuned)).toEqual(['type_logits', 'region_type_logits']);

    const retyped = join(work, 'retyped');
    await cp(pack, retyped, { recursive: true });
    await python([recipe('train_types.py'), '--pack', retyped, '--data', data, '--smoke']);
    const fresh = await loadMauGptPack(retyped);
    expect(fresh.options.defectTypes?.regions).toBeUndefined();
    expect(await outputsOf(retyped)).toEqual(['type_logits']);
  }, 240_000);

  it('is refused when its options promise a region head the graph does not have', async () => {
    const plain = join(work, 'plain');
    await cp(pack, plain, { recursive: true });
    await python([recipe('train_types.py'), '--pack', plain, '--data', data, '--smoke']);
    await editManifest(plain, (m) => {
      (m.options.defectTypes as { regions?: unknown }).regions = { scale: 2, minSide: 48 };
    });
    const opening = MauGptRuntime.open(await loadMauGptPack(plain), { providers: ['cpu'] });
    await expect(opening).rejects.toThrow(/defect_types\.onnx.*region_type_logits/);
  }, 120_000);
});
