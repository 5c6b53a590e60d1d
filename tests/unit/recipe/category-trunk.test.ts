import { copyFile, cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { tempDir } from '../../helpers/paths';
import { editManifest, TINY } from '../mau-gpt/helpers';
import { maxDiff, tiledMapOf } from './tiled-map';
import { recipeScript } from './python';

const TILING = { mode: 'tiles', overlap: 8, blend: 'feather' };
const OWN = 'anomaly_map.ball_screw.onnx';

/**
 * The tiny pack given a shared map trunk and a ball-screw trunk of its own, each with its head's
 * bias moved another way so their maps differ, exported by the recipe's own export_all. No
 * training: only which graph the runtime takes a category's tiles from matters.
 */
async function categoryPack(dir: string): Promise<void> {
  await cp(TINY, dir, { recursive: true });
  await recipeScript([
    'import torch',
    'from pathlib import Path',
    'from checkpoint import load_base',
    'from export_onnx import export_all',
    `_, _, model, config = load_base(${JSON.stringify(TINY)})`,
    'with torch.no_grad():',
    '    model.vision.add_map_trunk().map_head.bias += 1.5',
    '    model.vision.add_category_trunk("ball_screw").map_head.bias -= 1.5',
    `export_all(model, config, Path(${JSON.stringify(dir)}))`,
  ]);
  await editManifest(dir, (m) => {
    m.options.vision!.tiling = TILING;
    m.options.vision!.categoryMaps = { ball_screw: OWN };
    m.files.push(
      { path: 'anomaly_map.onnx', sha256: '', role: 'anomaly-map' } as (typeof m.files)[0],
      { path: OWN, sha256: '', role: 'category-anomaly-map' } as (typeof m.files)[0],
    );
  });
}

describe("a category's own map trunk (options.vision.categoryMaps)", () => {
  let work: string;
  let pack: string;

  beforeAll(async () => {
    work = tempDir('category-trunk');
    pack = join(work, 'pack');
    await categoryPack(pack);
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  async function variant(name: string, edit: Parameters<typeof editManifest>[1], mapGraph?: string) {
    const dir = join(work, name);
    await cp(pack, dir, { recursive: true });
    if (mapGraph) await copyFile(mapGraph, join(dir, 'anomaly_map.onnx'));
    await editManifest(dir, edit);
    return dir;
  }

  it("maps that category's tiles on its own graph, every other image on the shared one", async () => {
    // the same pack whose shared graph is the ball screws' own: what their tiles must give
    const ownAsShared = await variant('own-as-shared', () => undefined, join(pack, OWN));
    const [screw, pcb, none, expected] = [
      await tiledMapOf(pack, 'ball_screw'),
      await tiledMapOf(pack, 'pcb'),
      await tiledMapOf(pack),
      await tiledMapOf(ownAsShared),
    ];
    expect(maxDiff(screw.map, expected.map)).toBeLessThan(1e-6);
    expect(Math.abs(screw.score - expected.score)).toBeLessThan(1e-6);
    expect(maxDiff(pcb.map, none.map)).toBeLessThan(1e-6);
    expect(maxDiff(screw.map, pcb.map)).toBeGreaterThan(1e-2);
  }, 120_000);

  it('refuses a category named to a file not listed with its role, and a listed one named by none', async () => {
    const unlisted = await variant('unlisted', (m) => {
      m.files = m.files.filter((f) => f.path !== OWN);
    });
    await expect(loadMauGptPack(unlisted)).rejects.toThrow(
      /categoryMaps\.ball_screw is "anomaly_map\.ball_screw\.onnx", which files does not list/,
    );
    const unnamed = await variant('unnamed', (m) => {
      m.options.vision!.categoryMaps = {};
    });
    await expect(loadMauGptPack(unnamed)).rejects.toThrow(
      /anomaly_map\.ball_screw\.onnx has role "category-anomaly-map" but options\.vision\.categoryMaps names no category/,
    );
  }, 60_000);

  it('is trained by one sitting only, and the config refuses names the export could not use', async () => {
    const { stdout } = await recipeScript([
      'from config import DEFAULT, load_config',
      'base = {**DEFAULT, "stage1": {**DEFAULT["stage1"], "category": "ball_screw"},',
      '        "vision": {**DEFAULT["vision"], "categoryTrunks": ["ball_screw"]}}',
      'continued = load_config(None, base=base)',
      'import tempfile',
      'refused = []',
      'with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:',
      '    json.dump({"stage1": {"category": "ball.screw"}}, file)',
      'try:',
      '    load_config(file.name)',
      'except ValueError as error:',
      '    refused.append(str(error))',
      'for trunks in [["a", "a"], "ball_screw"]:',
      '    try:',
      '        load_config(None, base={**base, "vision": {**base["vision"], "categoryTrunks": trunks}})',
      '    except ValueError as error:',
      '        refused.append(str(error))',
      'print(json.dumps({"category": continued["stage1"]["category"],',
      '                  "trunks": continued["vision"]["categoryTrunks"], "refused": refused}))',
    ]);
    const checked = JSON.parse(stdout) as { category: string | null; trunks: string[]; refused: string[] };
    expect(checked.category).toBeNull();
    expect(checked.trunks).toEqual(['ball_screw']);
    expect(checked.refused).toHaveLength(3);
    expect(checked.refused[0]).toMatch(/stage1\.category needs a category name without dots/);
    expect(checked.refused[1]).toMatch(/vision\.categoryTrunks needs distinct category names/);
    expect(checked.refused[2]).toMatch(/vision\.categoryTrunks needs distinct category names/);
  }, 60_000);

  it('starts a trunk fresh when asked (replacing the one it had), for the one sitting only', async () => {
    const { stdout } = await recipeScript([
      'import torch, tempfile',
      'from checkpoint import load_base',
      'from config import load_config',
      `_, _, model, config = load_base(${JSON.stringify(TINY)})`,
      'v = model.vision',
      'shared = v.add_map_trunk().map_head.weight.detach().clone()',
      'copied = v.add_category_trunk("ball_screw").map_head.weight.detach().clone()',
      'torch.manual_seed(7)',
      'fresh = v.add_category_trunk("ball_screw", fresh=True).map_head.weight.detach().clone()',
      'base = {**config, "stage1": {**config["stage1"], "category": "ball_screw", "categoryInit": "fresh"}}',
      'refused = []',
      'for stage1 in [{"categoryInit": "fresh"}, {"category": "ball_screw", "categoryInit": "anew"}]:',
      '    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:',
      '        json.dump({"stage1": stage1}, file)',
      '    try:',
      '        load_config(file.name)',
      '    except ValueError as error:',
      '        refused.append(str(error))',
      'print(json.dumps({"copied": bool(torch.equal(copied, shared)), "fresh": bool(torch.equal(fresh, shared)),',
      '                  "trunks": list(v.category_trunks), "next": load_config(None, base=base)["stage1"]["categoryInit"],',
      '                  "refused": refused}))',
    ]);
    const checked = JSON.parse(stdout) as {
      copied: boolean;
      fresh: boolean;
      trunks: string[];
      next: string;
      refused: string[];
    };
    expect(checked).toMatchObject({ copied: true, fresh: false, trunks: ['ball_screw'], next: 'shared' });
    expect(checked.refused[0]).toMatch(/categoryInit "fresh" needs stage1\.category/);
    expect(checked.refused[1]).toMatch(/categoryInit must be "shared" or "fresh", got 'anew'/);
  }, 60_000);

  it('trains the shared trunk on the categories without a trunk of their own', async () => {
    // crop_batch records which images each sitting draws from, then stops it
    const { stdout } = await recipeScript([
      'import random, stages',
      'from types import SimpleNamespace',
      'from checkpoint import load_base',
      `_, _, model, config = load_base(${JSON.stringify(TINY)})`,
      'model.vision.add_map_trunk()',
      'model.vision.add_category_trunk("ball_screw")',
      'samples = [SimpleNamespace(category=c) for c in ["ball_screw", "pcb", "steel", None]]',
      'class Drawn(Exception): pass',
      'def crop_batch(pool, *_):',
      '    raise Drawn(sorted(str(s.category) for s in pool))',
      'stages.crop_batch = crop_batch',
      '# a one-step sitting: the images it draws crops from, or why it refused to start',
      'def sitting(pool, category):',
      '    stage1 = {**config["stage1"], "steps": 1, "category": category}',
      '    try:',
      '        stages.train_vision(model.vision, pool, {**config, "stage1": stage1}, random.Random(0), lambda _: None)',
      '    except (Drawn, ValueError) as outcome:',
      '        return outcome.args[0]',
      'drawn = {str(c): sitting(samples, c) for c in [None, "ball_screw"]}',
      'refused = sitting(samples[:1], None)',
      'print(json.dumps({"drawn": drawn, "refused": refused}))',
    ]);
    const checked = JSON.parse(stdout) as { drawn: Record<string, string[]>; refused: string };
    expect(checked.drawn).toEqual({ None: ['None', 'pcb', 'steel'], ball_screw: ['ball_screw'] });
    expect(checked.refused).toMatch(
      /every training image's category has a map trunk of its own \(ball_screw\)/,
    );
  }, 60_000);

  it('checks the graph when opened: one without the map outputs is refused, naming the file', async () => {
    const wrong = await variant('wrong', () => undefined);
    await copyFile(join(TINY, 'embed_tokens.onnx'), join(wrong, OWN));
    await editManifest(wrong, () => undefined);
    const opening = MauGptRuntime.open(await loadMauGptPack(wrong), { providers: ['cpu'] });
    await expect(opening).rejects.toThrow(/anomaly_map\.ball_screw\.onnx/);
  }, 60_000);
});
