import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { createHash } from 'node:crypto';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import { checkIo, concreteDims } from '../../../electron/core/inference/session/check-io';
import { defaultProviderOrder, providerPlan } from '../../../electron/core/inference/session/providers';
import { SessionPool } from '../../../electron/core/inference/session/session-pool';
import { REPO, scratchCopy, TEST_MODELS } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const pool = new SessionPool({ intraOpNumThreads: 1 });
afterAll(() => pool.close());

async function editedPack(name: string, edit: (m: Record<string, unknown>) => void): Promise<string> {
  const copy = await scratchCopy(join(TEST_MODELS, name));
  cleanups.push(copy.cleanup);
  const path = join(copy.dir, 'model.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest));
  return copy.dir;
}

describe('execution provider order', () => {
  const all = [
    { name: 'cpu', bundled: true },
    { name: 'webgpu', bundled: true },
    { name: 'cuda', bundled: false },
    { name: 'dml', bundled: true },
    { name: 'coreml', bundled: true },
  ];

  it('prefers the platform GPU path, then WebGPU, then CPU', () => {
    expect(defaultProviderOrder('linux', all, true)).toEqual(['cuda', 'webgpu', 'cpu']);
    expect(defaultProviderOrder('linux', all, false)).toEqual(['webgpu', 'cpu']);
    expect(defaultProviderOrder('win32', all, true)).toEqual(['cuda', 'dml', 'webgpu', 'cpu']);
    expect(defaultProviderOrder('darwin', all, true)).toEqual(['coreml', 'webgpu', 'cpu']);
    expect(defaultProviderOrder('linux', [{ name: 'cpu', bundled: true }], false)).toEqual(['cpu']);
  });

  it('always ends a plan with CPU, once', () => {
    expect(providerPlan(['cpu', 'webgpu'], ['cuda', 'cpu'])).toEqual(['webgpu', 'cpu']);
    expect(providerPlan(undefined, ['webgpu', 'cpu'])).toEqual(['webgpu', 'cpu']);
    expect(providerPlan(['cuda', 'cuda'], [])).toEqual(['cuda', 'cpu']);
  });
});

describe('opening sessions', () => {
  it('falls back to CPU when CUDA cannot start here, and records why', async () => {
    const pack = await loadModelPack(join(TEST_MODELS, 'anomalib-v2'));
    const session = await pool.acquire(pack, { providers: ['cuda', 'dml'] });
    console.log('[fallback]', JSON.stringify(session.info.fallbacks));
    expect(session.provider).toBe('cpu');
    expect(session.info.fallbacks.map((f) => f.provider)).toEqual(['cuda', 'dml']);
    const [cuda, dml] = session.info.fallbacks;
    expect(cuda!.reason.length).toBeGreaterThan(10);
    expect(cuda!.reason).toMatch(/cuda/i);
    expect(dml!.reason).toMatch(/not built into this onnxruntime-node \(it has: cpu, webgpu/);
    expect(session.info.warmupMs).toBeGreaterThanOrEqual(0);
  });

  it('passes over WebGPU without trying it when no Vulkan driver is installed', async (ctx) => {
    if (process.platform !== 'linux') ctx.skip();
    const pack = await loadModelPack(join(TEST_MODELS, 'anomalib-v2'));
    const saved = process.env.VK_DRIVER_FILES;
    // a driver list naming only a missing file: the loader, and the check, find no driver
    process.env.VK_DRIVER_FILES = join(TEST_MODELS, 'no-such-driver.json');
    try {
      const session = await pool.acquire(pack, { providers: ['webgpu'] });
      expect(session.provider).toBe('cpu');
      expect(session.info.fallbacks).toEqual([
        { provider: 'webgpu', reason: expect.stringMatching(/^no Vulkan driver is installed/) },
      ]);
    } finally {
      if (saved === undefined) delete process.env.VK_DRIVER_FILES;
      else process.env.VK_DRIVER_FILES = saved;
    }
  });

  it('caches one session per pack and provider order, and releases them', async () => {
    const pack = await loadModelPack(join(TEST_MODELS, 'yolo-detect-raw'));
    const a = await pool.acquire(pack, { providers: ['cpu'] });
    const b = await pool.acquire(pack, { providers: ['cpu'] });
    expect(b).toBe(a);
    expect((await pool.list()).some((s) => s.packId === pack.id && s.provider === 'cpu')).toBe(true);
    await pool.release(pack.id);
    expect((await pool.list()).some((s) => s.packId === pack.id)).toBe(false);
    await expect(a.run({})).rejects.toThrow(/session worker exited/);
    const c = await pool.acquire(pack, { providers: ['cpu'] });
    expect(c).not.toBe(a);
  });

  it('refuses a feed whose buffer was already moved, at once, and goes on serving', async () => {
    const pack = await loadModelPack(join(TEST_MODELS, 'anomalib-v2'));
    const session = await pool.acquire(pack, { providers: ['cpu'] });
    const [input] = session.info.inputs;
    const dims = concreteDims(pack.manifest.inputs[0]!.shape, input!.shape, { width: 128, height: 128 });
    const fresh = () => new Float32Array(dims.reduce((n, d) => n * d, 1)).fill(0.5);
    const data = fresh();
    await session.run({ [input!.name]: { type: 'float32', dims, data } });
    // moved to the worker by that run: Node drops a message that tries to move it again
    // without a word, which left this request waiting for ever
    expect(data.byteLength).toBe(0);
    await expect(session.run({ [input!.name]: { type: 'float32', dims, data } })).rejects.toThrow(
      /detached/i,
    );
    const next = await session.run({ [input!.name]: { type: 'float32', dims, data: fresh() } });
    expect(Object.keys(next.outputs).length).toBeGreaterThan(0);
    await pool.release(pack.id);
  });

  it('names the pack and the mismatch when model.json disagrees with the graph', async () => {
    const dir = await editedPack('anomalib-v2', (m) => {
      const input = (m.inputs as { shape: unknown; resize: { width: number; height: number } }[])[0]!;
      input.shape = [1, 3, 224, 224];
      input.resize = { ...input.resize, width: 224, height: 224 };
      (m.outputs as { name: string }[])[2]!.name = 'heatmap';
    });
    const pack = await loadModelPack(dir);
    const error = await pool.acquire(pack, { providers: ['cpu'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const message = (error as AppError).message;
    expect(message).toContain(`model pack ${dir}: model.json does not match the model:`);
    expect(message).toContain(
      "input input: model.json shape [1, 3, 224, 224] does not match the model's [batch, 3, 128, 128]",
    );
    expect(message).toContain('output heatmap (role anomaly-map) is not in the model');
  });

  it('reports every provider that failed when the model itself is broken', async () => {
    const copy = await scratchCopy(join(TEST_MODELS, 'yolo-detect-raw'));
    cleanups.push(copy.cleanup);
    const garbage = Buffer.from('this is not an onnx model at all');
    await writeFile(join(copy.dir, 'model.onnx'), garbage);
    const manifestPath = join(copy.dir, 'model.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { sha256: string }[] };
    manifest.files[0]!.sha256 = createHash('sha256').update(garbage).digest('hex');
    await writeFile(manifestPath, JSON.stringify(manifest));
    const pack = await loadModelPack(copy.dir);
    const error = await pool.acquire(pack, { providers: ['cpu'] }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('UNSUPPORTED');
    expect((error as AppError).message).toMatch(
      /no execution provider could run the model \(cpu: .*(protobuf|Protobuf|parsing)/,
    );
  });

  it('checks shapes and types in words a user can act on', () => {
    const problems = checkIo(
      {
        inputs: [{ name: 'images', dtype: 'float32', shape: [1, 3, 640, 640] }],
        outputs: [{ name: 'output0', role: 'detections' }],
      },
      [
        { name: 'images', type: 'float16', shape: [1, 3, 640, 640] },
        { name: 'scale', type: 'float32', shape: [1] },
      ],
      [{ name: 'output0', type: 'float32', shape: [1, 84, 8400] }],
    );
    expect(problems).toEqual([
      'input images: model.json says float32, the model expects float16',
      'the model also needs input scale [1], which model.json does not describe',
    ]);
    expect(concreteDims(['batch', 3, 'h', 'w'], ['batch', 3, 'h', 'w'], { width: 320, height: 256 })).toEqual(
      [1, 3, 256, 320],
    );
  });
});

describe('loading onnxruntime-node', () => {
  it('does not load the native library when the engine module is imported', async () => {
    const script = `
      await import(${JSON.stringify(join(REPO, 'electron/core/inference/index.ts'))});
      const libs = process.report.getReport().sharedObjects.filter((s) => s.includes('onnxruntime'));
      console.log(JSON.stringify(libs));`;
    const { stdout } = await promisify(execFile)(
      join(REPO, 'node_modules/.bin/tsx'),
      ['--input-type=module', '-e', script],
      { cwd: REPO },
    );
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual([]);
  });
});
