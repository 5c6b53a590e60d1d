import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModelPack } from '../../../electron/core/inference';
import { blockRepeatedNgrams } from '../../../electron/core/mau-gpt/token-bans';
import { buildQa, type QaItem } from '../../../electron/core/mauset-qa';
import { QUESTION_TEMPLATES } from '../../../electron/core/mauset-qa/templates';
import { objectNoun } from '../../../electron/core/mauset-qa/wording';
import { repoRoot, tempDir } from '../../helpers/paths';
import { python, recipe, recipeScript } from './python';

const tinyPack = join(repoRoot, 'models/test-models/mau-gpt-tiny');
/** Scores `pack` on the fixture MAU-Set folder with `perSource` images' questions per dataset. */
function evaluatePack(pack: string, data: string, perSource: number, out: string) {
  const args = ['--pack', pack, '--data', data, '--qa-per-source', String(perSource), '--out', out];
  return python([recipe('evaluate_pack.py'), ...args]);
}

/** Max |difference| of anomaly_map and anomaly_score between a pack's two image graphs, same random batch. */
async function mapGraphAgainstEncoder(pack: string, batch: number) {
  const size = (readJson(join(pack, 'model.json')) as { options: { vision: { imageSize: number } } }).options
    .vision.imageSize;
  const data = Float32Array.from({ length: batch * 3 * size * size }, (_, i) => Math.sin(i * 0.37) * 2);
  const feed = { pixel_values: new ort.Tensor('float32', data, [batch, 3, size, size]) };
  const [encoder, map] = await Promise.all(
    ['vision_encoder.onnx', 'anomaly_map.onnx'].map((file) => ort.InferenceSession.create(join(pack, file))),
  );
  const [a, b] = [await encoder!.run(feed), await map!.run(feed)];
  await Promise.all([encoder!.release(), map!.release()]);
  const maxDiff = (name: string) => {
    const x = a[name]!.data as Float32Array;
    const y = b[name]!.data as Float32Array;
    expect(y.length).toBe(x.length);
    return x.reduce((worst, v, i) => Math.max(worst, Math.abs(v - y[i]!)), 0);
  };
  return { map: maxDiff('anomaly_map'), score: maxDiff('anomaly_score') };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/**
 * Training in installments (`train.py --init`), the per-dataset/per-level scorer and the adapter
 * ablation, each on the smoke pack and the fixture MAU-Set folder: real PyTorch, a few steps.
 */
describe('recipe: continue a pack, score it per dataset and level, ablate its adapter', () => {
  let work: string;
  let data: string;

  beforeAll(async () => {
    work = tempDir('recipe-continue');
    data = join(work, 'mauset');
    await python([recipe('tests_fixture.py'), '--out', data]);
    writeFileSync(
      join(work, 'steps.json'),
      JSON.stringify({ stage1: { steps: 2, lmSteps: 2 }, stage2: { steps: 2 } }),
    );
  }, 120_000);

  it('continues from a pack: same sizes and tokenizer, new version, history recorded', async () => {
    const out = join(work, 'continued');
    const args = ['--data', data, '--init', tinyPack, '--config', join(work, 'steps.json')];
    const { stdout } = await python([recipe('train.py'), ...args, '--out', out, '--version', '0.1.1']);
    expect(stdout).toMatch(/continuing mau-gpt-tiny 0\.1\.0/);
    expect(stdout).toMatch(/stage1 vision step 2\/2/);
    const pack = await loadModelPack(out);
    expect(pack.manifest.version).toBe('0.1.1');
    expect(pack.manifest.options).toMatchObject({
      groundedL1: { yes: 'Yes.', no: 'No. The {object} looks normal;' },
      groundedLevels: { '2': { ok: 'There is no defect on this {object}, so there is no defect type.' } },
    });
    // an image threshold per category of part too, where its val images hold both verdicts
    const byCategory = pack.manifest.options['categoryThresholds'] as Record<string, { image?: number }>;
    expect(Object.keys(byCategory).length).toBeGreaterThan(0);
    for (const t of Object.values(byCategory))
      expect(['image', 'pixel', 'imageTopFraction', 'regionPeak']).toEqual(
        expect.arrayContaining(Object.keys(t)),
      );
    expect(readFileSync(join(out, 'tokenizer.json'), 'utf8')).toBe(
      readFileSync(join(tinyPack, 'tokenizer.json'), 'utf8'),
    );
    const report = readJson(join(out, 'reference/training_report.json')) as {
      config: { history: { pack: string; version: string }[]; decoder: { hidden: number } };
    };
    expect(report.config.history).toMatchObject([{ pack: 'mau-gpt-tiny', version: '0.1.0' }]);

    const wrongKind = python([recipe('train.py'), ...args, '--out', join(work, 'x'), '--adapter', 'lora']);
    await expect(wrongKind).rejects.toThrow(/cannot change kind/);
  }, 300_000);

  it('continues with a map trunk: the map learns, tokens, z and the decoder stay as they were', async () => {
    const out = join(work, 'trunk');
    const config = join(work, 'trunk.json');
    writeFileSync(
      config,
      JSON.stringify({
        vision: { mapTrunk: true },
        stage1: { steps: 3, lmSteps: 0, sourceBalance: true },
        stage2: { steps: 0 },
      }),
    );
    const args = ['--data', data, '--init', tinyPack, '--config', config, '--out', out];
    const { stdout } = await python([recipe('train.py'), ...args]);
    expect(stdout).toMatch(/map trunk added/);
    expect(stdout).toMatch(/stage1 vision step 3\/3/);
    const { stdout: compared } = await recipeScript([
      'import torch',
      'from checkpoint import keep_half_precision, load_base',
      `_, _, base, _ = load_base(${JSON.stringify(tinyPack)})`,
      'keep_half_precision(base)  # the pack keeps float16 weights: the only other change allowed',
      `_, _, trunk, config = load_base(${JSON.stringify(out)})`,
      'torch.manual_seed(0)',
      'size = config["vision"]["imageSize"]',
      'x = torch.rand(2, 3, size, size)',
      'with torch.no_grad():',
      '  a, b = base.vision(x), trunk.vision(x)',
      'diff = lambda i: float((a[i] - b[i]).abs().max())',
      'same_decoder = all(torch.equal(p, q) for p, q in zip(base.decoder.state_dict().values(), trunk.decoder.state_dict().values()))',
      `raw = torch.load(${JSON.stringify(join(out, 'checkpoint.pt'))})`,
      'half = all(t.dtype == torch.float16 for part in ("vision", "embed_tokens", "decoder") for t in raw[part].values() if t.is_floating_point())',
      'print(json.dumps({"tokens": diff(0), "map": diff(1), "z": diff(3), "decoder": same_decoder, "trunk": trunk.vision.map_trunk is not None, "half": half}))',
    ]);
    const result = JSON.parse(compared) as Record<string, number | boolean>;
    expect(result).toMatchObject({ tokens: 0, z: 0, decoder: true, trunk: true, half: true });
    expect(result['map']).toBeGreaterThan(0);
    // the exported encoder carries both U-Nets behind the same four outputs, and verifies; the
    // trunk's own graph gives the same map and score from half the work
    const pack = await loadModelPack(out);
    expect(pack.manifest.files).toContainEqual(
      expect.objectContaining({ path: 'anomaly_map.onnx', role: 'anomaly-map' }),
    );
    const differences = await mapGraphAgainstEncoder(out, 2);
    expect(differences.map).toBeLessThan(1e-6);
    expect(differences.score).toBeLessThan(1e-6);

    const fresh = python([
      recipe('train.py'),
      '--data',
      data,
      '--out',
      join(work, 'y'),
      '--smoke',
      '--config',
      config,
    ]);
    await expect(fresh).rejects.toThrow(/mapTrunk needs --init/);
  }, 300_000);

  it("chooses an existing pack's thresholds again, per category, without touching its files", async () => {
    const copy = join(work, 'rethreshold');
    cpSync(tinyPack, copy, { recursive: true });
    const { stdout } = await python([recipe('rethreshold.py'), '--pack', copy, '--data', data]);
    const chosen = JSON.parse(stdout) as { thresholds: { categories: Record<string, unknown> } };
    const pack = await loadModelPack(copy); // every file still matches its sha256
    expect(pack.manifest.options['categoryThresholds']).toEqual(
      JSON.parse(JSON.stringify(chosen.thresholds.categories), (_, v: unknown) =>
        typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v,
      ),
    );
  }, 120_000);

  it('chooses a category pixel threshold by mask IoU, given enough NG images', async () => {
    // defects at 0.8 on a 0.5 background: every cut in (0.5, 0.8] traces the mask exactly
    const { stdout } = await recipeScript([
      'import numpy as np',
      'from evaluate import category_thresholds, mask_ious',
      'truth = np.zeros((40, 40)); truth[5:15, 5:25] = 1',
      'amap = np.where(truth > 0, 0.8, 0.5).astype(np.float32)',
      'ng = lambda c: {"category": c, "score": 0.9, "ng": True, "ious": mask_ious(amap, truth)}',
      'ok = lambda c: {"category": c, "score": 0.1, "ng": False, "ious": None}',
      'records = [ng("screw") for _ in range(5)] + [ok("screw")] + [ng("pcb") for _ in range(4)] + [ok("pcb")]',
      'print(json.dumps(category_thresholds(records)))',
    ]);
    const chosen = JSON.parse(stdout) as Record<string, { image?: number; pixel?: number }>;
    expect(chosen['screw']!.pixel).toBe(0.55);
    expect(chosen['pcb']).not.toHaveProperty('pixel'); // four NG images are too few to choose on
    expect(chosen['pcb']!.image).toBeGreaterThan(0.1);
  }, 60_000);

  it('scores a pack per dataset and task level', async () => {
    const out = join(work, 'scores.json');
    await evaluatePack(tinyPack, data, 1, out);
    const report = readJson(out) as {
      anomaly: Record<string, { images: number; pixelAuroc: number | null; accuracy: number }>;
      qa: Record<
        string,
        Record<
          string,
          { closedAccuracy: number; closedRankedAccuracy: number; rougeL: number; questions: number }
        >
      >;
    };
    const test = readFileSync(join(data, 'test.jsonl'), 'utf8').trim().split('\n').length;
    expect(report.anomaly.all!.images).toBe(test);
    expect(report.anomaly.all!.pixelAuroc).toBeGreaterThanOrEqual(0);
    expect(report.anomaly.all!.pixelAuroc).toBeLessThanOrEqual(1);
    expect(Object.keys(report.qa.all!).sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const level of Object.values(report.qa.all!)) {
      expect(level.questions).toBeGreaterThan(0);
      expect(level.rougeL).toBeGreaterThanOrEqual(0);
      expect(level.rougeL).toBeLessThanOrEqual(1);
      expect([0, 0.5, 1]).toContain(level.closedRankedAccuracy); // one or two closed questions per level
    }
  }, 300_000);

  it('scores a grounded pack as the app runs it: every level on the side of the verdict', async () => {
    // the pack continued above was written by pack.py, which grounds L1 and the other levels
    const out = join(work, 'grounded-scores.json');
    await evaluatePack(join(work, 'continued'), data, 99, out);
    const report = readJson(out) as {
      groundedL1: boolean;
      groundedLevels: boolean;
      anomaly: { all: { images: number; accuracy: number } };
      qa: {
        all: Record<
          string,
          { openAccuracy?: number; closedGroundedAccuracy?: number; verdictAgreement: number }
        >;
      };
    };
    expect(report.groundedL1).toBe(true);
    expect(report.groundedLevels).toBe(true);
    // a two-step pack's decoder says anything; grounded, no open answer contradicts the verdict
    for (const level of Object.values(report.qa.all)) expect(level.verdictAgreement).toBe(1);
    // every test image's questions were asked, so L1 is right exactly where the verdict is
    const l1 = report.qa.all['1']!;
    expect(l1.openAccuracy).toBeCloseTo(report.anomaly.all.accuracy, 9);
    expect(l1.closedGroundedAccuracy).toBeCloseTo(report.anomaly.all.accuracy, 9);
  }, 300_000);

  it("asks the export's questions and names the imaged thing as the export does", async () => {
    // the recipe's Python mirrors two pieces of the app's export; they must not drift apart
    const categories = ['ball_screw', 'pcb', 'steel_surface', 'gear_flank', null];
    const { stdout } = await recipeScript([
      'from pack import GROUNDED_L1, GROUNDED_LEVELS, QUESTIONS',
      'from mauset import object_noun',
      'from grounding import level_grounding',
      'options = {"groundedL1": GROUNDED_L1, "groundedLevels": GROUNDED_LEVELS}',
      'counted = {str(l): level_grounding(options, l, True, "ball screw", 1)[0] for l in (1, 2, 3, 4, 5)}',
      `print(json.dumps({"questions": QUESTIONS, "grounded": GROUNDED_LEVELS, "counted": counted, "nouns": [object_noun(c) for c in ${JSON.stringify(categories).replace('null', 'None')}]}))`,
    ]);
    const { questions, grounded, counted, nouns } = JSON.parse(stdout) as {
      questions: Record<string, string>;
      grounded: Record<string, { ok: string; ng?: string }>;
      counted: Record<string, string | null>;
      nouns: string[];
    };
    for (const [level, question] of Object.entries(questions))
      expect(QUESTION_TEMPLATES[Number(level) as 1 | 2 | 3 | 4 | 5].open).toContain(question);
    expect(nouns).toEqual(categories.map((category) => objectNoun({ category })));
    // a clean part's open answers at L2–L5 word for word, and a defect's openings, as the export writes them
    const sample = { id: 's-1', category: 'ball_screw', domain: 'metal', imageTypes: [], taxonomyTypes: [] };
    const openAnswers = (qa: QaItem[]) =>
      Object.fromEntries(qa.filter((i) => i.form === 'open').map((i) => [String(i.level), i.answer]));
    const clean = openAnswers(buildQa({ ...sample, verdict: 'OK', regions: [] }));
    const region = {
      id: 'r1',
      type: 'pitting',
      areaPct: 0.3,
      bbox: [40, 30, 12, 9],
      fillRatio: 0.7,
    } as const;
    const pitted = openAnswers(
      buildQa({ ...sample, verdict: 'NG', regions: [{ ...region, position: 'center', brightness: null }] }),
    );
    for (const [level, texts] of Object.entries(grounded)) {
      expect(texts.ok.replace('{object}', 'ball screw')).toBe(clean[level]);
      if (texts.ng)
        expect(pitted[level]?.toLowerCase()).toMatch(new RegExp(`^${escapeRegExp(texts.ng.toLowerCase())}`));
    }
    expect(Object.keys(grounded)).toEqual(['2', '3', '4', '5']);
    // with the one region counted, every NG start the recipe makes opens the export's own answer
    expect(counted['1']).toBe('Yes. The ball screw shows 1 defective region.');
    expect(counted['3']).toBe('There is 1 defect:');
    for (const [level, start] of Object.entries(counted))
      if (start)
        expect(pitted[level]!.startsWith(start), `L${level}: ${start} / ${pitted[level]}`).toBe(true);
  }, 120_000);

  it('ranks closed options by the same probabilities the KV-cache loop produces', async () => {
    // The ranking scores a whole answer in one forward pass; feeding the same tokens one at a
    // time through the cache (as generation does) must give the same log-probabilities.
    const { stdout } = await recipeScript([
      'import torch',
      'from pathlib import Path',
      'from bpe_tokenizer import BpeTokenizer',
      'from checkpoint import load_base',
      'from option_ranking import answer_log_likelihood',
      'from sequences import prompt_ids',
      `_, files, model, config = load_base(${JSON.stringify(tinyPack)})`,
      `tok = BpeTokenizer.load(Path(${JSON.stringify(tinyPack)}) / files["tokenizer"]["path"])`,
      'model.eval()',
      'torch.manual_seed(0)',
      'size = config["vision"]["imageSize"]',
      'with torch.no_grad():',
      '  emb, _, _, z, _ = model.vision(torch.rand(1, 3, size, size))',
      '  q, a = "Is there any defect? Options: A. Yes B. No", "B. No"',
      '  full = answer_log_likelihood(model, tok, (emb, z), q, a, config["decoder"]["maxContext"])',
      '  target = tok.encode(a) + [tok.token_id("<|eos|>")]',
      '  embeds = torch.cat([emb, model.embed_tokens(torch.tensor([prompt_ids(tok, q)]))], dim=1)',
      '  past, length, total = model.decoder.empty_past(1), 0, 0.0',
      '  for token in target:',
      '    t = embeds.shape[1]',
      '    logits, past = model.decoder(embeds, torch.ones(1, length + t, dtype=torch.long),',
      '                                 torch.arange(length, length + t).unsqueeze(0), z, past)',
      '    length += t',
      '    total += float(torch.log_softmax(logits[0, -1], -1)[token])',
      '    embeds = model.embed_tokens(torch.tensor([[token]]))',
      'print(json.dumps([full, total / len(target)]))',
    ]);
    const [full, stepwise] = JSON.parse(stdout) as [number, number];
    expect(full).toBeLessThan(0);
    expect(Math.abs(full - stepwise)).toBeLessThan(1e-4);
  }, 60_000);

  it('bans the same repeated n-grams as the runtime', async () => {
    const cases: [number[], number][] = [
      [[5, 6, 7, 5, 6], 3],
      [[1, 2, 1, 3, 1], 2],
      [[4, 4, 4], 1],
      [[9, 8], 3],
      [[2, 2, 2, 2], 0],
    ];
    const { stdout } = await recipeScript([
      'from generate import repeated_ngram_tokens',
      `print(json.dumps([sorted(repeated_ngram_tokens(t, n)) for t, n in ${JSON.stringify(cases)}]))`,
    ]);
    const runtime = cases.map(([tokens, size]) => {
      const row = { data: new Float32Array(16), offset: 0 };
      blockRepeatedNgrams(row, tokens, size);
      return [...row.data].flatMap((v, id) => (v === -Infinity ? [id] : []));
    });
    expect(JSON.parse(stdout)).toEqual(runtime);
    expect(runtime).toEqual([[7], [2, 3], [4], [], []]);
  }, 60_000);

  it('scores answers the way MMAD does, with hand-computed cases', async () => {
    const { stdout } = await recipeScript([
      'from text_metrics import first_option_letter as l, rouge_l as r, says_yes as y, names_any as n',
      'print(json.dumps([l("b. no visible defect"), l("The answer is C."), l("a small mark"),',
      '  r("the cat sat", "the cat sat on"), r("a b c d", "d c b a"), y("Yes, it is"), y("no."),',
      '  n("a pitted surface here", ["pitted_surface"]), n("scratches", ["scratch"])]))',
    ]);
    // ROUGE-L: LCS 3 of 3 and 4 words -> P 1, R 0.75, F 6/7; reversed words share an LCS of 1 -> F 0.25
    expect(JSON.parse(stdout)).toEqual(['B', 'C', null, 6 / 7, 0.25, true, false, true, false]);
  }, 60_000);

  it('ablates the adapter on one base: AMoE-LoRA, LoRA and none answer the same questions', async () => {
    const out = join(work, 'ablation.json');
    await python([
      recipe('ablation.py'),
      ...['--base', tinyPack, '--data', data, '--steps', '2', '--qa-per-source', '1', '--out', out],
    ]);
    const report = readJson(out) as {
      results: Record<
        string,
        { adapterParameters: number; qa: { all: Record<string, { questions: number }> } }
      >;
    };
    const { results } = report;
    expect(Object.keys(results)).toEqual(['amoe-lora', 'lora', 'none']);
    expect(results['none']!.adapterParameters).toBe(0);
    expect(results['amoe-lora']!.adapterParameters).toBeGreaterThan(results['lora']!.adapterParameters);
    expect(results['lora']!.qa.all['1']!.questions).toBe(results['none']!.qa.all['1']!.questions);

    // the measurements go into the continued pack's card, and the pack still verifies
    const pack = join(work, 'continued');
    const scores = join(work, 'scores.json');
    await python([recipe('card_results.py'), '--pack', pack, '--scores', scores, '--ablation', out]);
    await python([recipe('card_results.py'), '--pack', pack, '--ablation', out]);
    const card = readFileSync(join(pack, 'MODEL_CARD.md'), 'utf8');
    expect(card.match(/^## Ablation$/gm)).toHaveLength(1);
    expect(card).toMatch(/^\| bsdata \| L1 \|/m);
    expect(card).toMatch(/^\| amoe-lora \| [\d,]+ \|/m);
    await expect(loadModelPack(pack)).resolves.toBeTruthy();
  }, 300_000);
});
