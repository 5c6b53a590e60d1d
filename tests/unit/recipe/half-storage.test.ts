import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/paths';
import { recipeScript } from './python';

type Stored = { count: number; dtypes: Record<string, string> };

const SHIPPED = join(repoRoot, 'models/mau-gpt-mini');

/** Output of one graph file on one input, as onnxruntime computes it with the app's options. */
async function runGraph(path: string, input: ort.Tensor): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(path, { graphOptimizationLevel: 'all' });
  try {
    const outputs = await session.run({ x: input });
    return outputs.y!.data as Float32Array;
  } finally {
    await session.release();
  }
}

/**
 * half_storage.store_half on a small convolutional graph exported by torch.onnx: one weight that
 * float16 holds exactly, one it does not, and two biases too small to matter. The graph before
 * and after is run in onnxruntime on the same input.
 */
describe('graph weights stored in half precision where that loses nothing (half_storage.py)', () => {
  const dir = tempDir('half-storage');
  const plain = join(dir, 'plain.onnx');
  const half = join(dir, 'half.onnx');
  let stored: Stored;

  beforeAll(async () => {
    const { stdout } = await recipeScript([
      'import shutil, onnx, torch',
      'from torch import nn',
      'from half_storage import store_half',
      'torch.manual_seed(0)',
      'net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 3, padding=1))',
      'with torch.no_grad():',
      '    for p in net.parameters():',
      '        p.copy_(p.half().float())',
      '    net[2].weight[0, 0, 0, 0] += 1e-6  # float16 cannot hold this one: it stays float32',
      `torch.onnx.export(net.eval(), torch.zeros(1, 3, 16, 16), ${JSON.stringify(plain)}, opset_version=17,`,
      '                  input_names=["x"], output_names=["y"])',
      `shutil.copyfile(${JSON.stringify(plain)}, ${JSON.stringify(half)})`,
      `count = store_half(${JSON.stringify(half)})`,
      `graph = onnx.load(${JSON.stringify(half)}).graph`,
      'names = {1: "float32", 10: "float16"}',
      'print(json.dumps({"count": count, "dtypes": {i.name: names.get(i.data_type, str(i.data_type))',
      '                                            for i in graph.initializer}}))',
    ]);
    stored = JSON.parse(stdout) as Stored;
  }, 240_000);

  it('stores the exactly representable weight as float16, the rest as they were', () => {
    expect(stored.count).toBe(1);
    expect(stored.dtypes).toEqual({
      '0.weight.float16': 'float16',
      '0.bias': 'float32',
      '2.weight': 'float32',
      '2.bias': 'float32',
    });
    expect(statSync(half).size).toBeLessThan(statSync(plain).size);
  });

  it('computes the very same outputs in onnxruntime', async () => {
    const pixels = Float32Array.from({ length: 3 * 16 * 16 }, (_, i) => Math.sin(i * 0.37) * 2);
    const input = new ort.Tensor('float32', pixels, [1, 3, 16, 16]);
    const [before, after] = [await runGraph(plain, input), await runGraph(half, input)];
    expect(after.length).toBe(4 * 16 * 16);
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it('has been applied to every graph of the shipped pack', async () => {
    const { stdout } = await recipeScript([
      'import numpy as np, onnx',
      'from pathlib import Path',
      'from onnx import numpy_helper',
      'from half_storage import MIN_VALUES, halves_exactly',
      'out = {}',
      `for path in sorted(Path(${JSON.stringify(SHIPPED)}).glob("*.onnx")):`,
      '    inits = onnx.load(str(path)).graph.initializer',
      '    left = [i.name for i in inits if i.data_type == 1 and numpy_helper.to_array(i).size >= MIN_VALUES',
      '            and halves_exactly(numpy_helper.to_array(i))]',
      '    out[path.name] = {"half": sum(i.data_type == 10 for i in inits), "leftAsFloat32": left}',
      'print(json.dumps(out))',
    ]);
    const graphs = JSON.parse(stdout) as Record<string, { half: number; leftAsFloat32: string[] }>;
    expect(Object.keys(graphs).sort()).toEqual([
      'anomaly_map.ball_screw.onnx',
      'anomaly_map.onnx',
      'anomaly_map.pcb.onnx',
      'decoder_model_merged.onnx',
      'defect_types.onnx',
      'embed_tokens.onnx',
      'vision_encoder.onnx',
    ]);
    for (const [name, graph] of Object.entries(graphs)) {
      expect(graph.half, name).toBeGreaterThan(0);
      expect(graph.leftAsFloat32, name).toEqual([]);
    }
  }, 240_000);
});
