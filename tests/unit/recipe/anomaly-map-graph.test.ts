import { execFile } from 'node:child_process';
import { copyFile, cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonPath } from '../../../electron/core/finetune/python-env';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { repoRoot, tempDir } from '../../helpers/paths';
import { editManifest, TINY } from '../mau-gpt/helpers';
import { maxDiff, tiledMapOf } from './tiled-map';

const run = promisify(execFile);
const TILING = { mode: 'tiles', overlap: 8, blend: 'feather' };

/**
 * The tiny pack given a map trunk whose map differs from the encoder's own (its head's bias
 * moved), exported as a trunk pack is: the encoder with both U-Nets, and the trunk alone as
 * anomaly_map.onnx. No training: only which graph the runtime takes the tiles' map from matters.
 */
async function trunkPack(dir: string): Promise<void> {
  await cp(TINY, dir, { recursive: true });
  const script = [
    'import sys, torch',
    `sys.path.insert(0, ${JSON.stringify(join(repoRoot, 'models/recipe'))})`,
    'from checkpoint import load_base',
    'from export_onnx import AnomalyMapGraph, MAP_OUTPUTS, VISION_OUTPUTS, VisionGraph, export_image_graph',
    `_, _, model, config = load_base(${JSON.stringify(TINY)})`,
    'trunk = model.vision.add_map_trunk()',
    'with torch.no_grad():',
    '    trunk.map_head.bias += 1.5',
    'size = config["vision"]["imageSize"]',
    `export_image_graph(VisionGraph(model.vision), size, VISION_OUTPUTS, ${JSON.stringify(join(dir, 'vision_encoder.onnx'))})`,
    `export_image_graph(AnomalyMapGraph(model.vision), size, MAP_OUTPUTS, ${JSON.stringify(join(dir, 'anomaly_map.onnx'))})`,
  ].join('\n');
  await run(pythonPath(), ['-c', script], { env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } });
  await editManifest(dir, (m) => {
    m.options.vision!.tiling = TILING;
    m.files.push({ path: 'anomaly_map.onnx', sha256: '', role: 'anomaly-map' } as (typeof m.files)[0]);
  });
}

describe("a pack's anomaly-map graph (the map trunk alone)", () => {
  let work: string;
  let trunk: string;

  beforeAll(async () => {
    work = tempDir('anomaly-map-graph');
    trunk = join(work, 'trunk');
    await trunkPack(trunk);
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** A copy of pack `from` named `name`, its anomaly_map.onnx replaced by `mapGraph` if given, model.json edited and re-hashed. */
  async function variant(
    from: string,
    name: string,
    edit: Parameters<typeof editManifest>[1],
    mapGraph?: string,
  ) {
    const dir = join(work, name);
    await cp(from, dir, { recursive: true });
    if (mapGraph) await copyFile(mapGraph, join(dir, 'anomaly_map.onnx'));
    await editManifest(dir, edit);
    return dir;
  }

  it('makes the tiles: the same map and score as the whole encoder, from half the work', async () => {
    const withGraph = await tiledMapOf(trunk);
    const withoutGraph = await variant(trunk, 'without', (m) => {
      m.files = m.files.filter((f) => f.path !== 'anomaly_map.onnx');
    });
    const encoderOnly = await tiledMapOf(withoutGraph);
    expect(withGraph.tiles!.count).toBeGreaterThan(1);
    expect(maxDiff(withGraph.map, encoderOnly.map)).toBeLessThan(1e-6);
    expect(Math.abs(withGraph.score - encoderOnly.score)).toBeLessThan(1e-6);
  }, 120_000);

  it('is what the runtime takes the tiles from when the pack lists one', async () => {
    // the same pack with the tiny pack's own encoder (no trunk, bias unmoved) as its anomaly-map
    // graph: the tiles follow that graph, not the encoder beside it
    const swapped = await variant(trunk, 'swapped', () => undefined, join(TINY, 'vision_encoder.onnx'));
    const plain = await variant(TINY, 'plain', (m) => {
      m.options.vision!.tiling = TILING;
    });
    const [fromSwapped, fromPlain, fromTrunk] = [
      await tiledMapOf(swapped),
      await tiledMapOf(plain),
      await tiledMapOf(trunk),
    ];
    expect(maxDiff(fromSwapped.map, fromPlain.map)).toBeLessThan(1e-6);
    expect(maxDiff(fromSwapped.map, fromTrunk.map)).toBeGreaterThan(1e-2);
  }, 120_000);

  it('is checked when opened: a graph without the map outputs is refused, naming the file', async () => {
    const wrong = await variant(trunk, 'wrong', () => undefined, join(TINY, 'embed_tokens.onnx'));
    const opening = MauGptRuntime.open(await loadMauGptPack(wrong), { providers: ['cpu'] });
    await expect(opening).rejects.toThrow(/anomaly_map\.onnx.*pixel_values|pixel_values.*anomaly_map\.onnx/);
  }, 60_000);
});
