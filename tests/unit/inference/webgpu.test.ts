import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { loadModelPack } from '../../../electron/core/inference/pack/load-pack';
import { imageInputOf } from '../../../electron/core/inference/pack/model-pack';
import { preprocessImage } from '../../../electron/core/inference/processing/preprocess';
import type { ProviderFallback } from '../../../electron/core/inference/session/providers';
import { SessionPool } from '../../../electron/core/inference/session/session-pool';
import { answerAllLevels, loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { PITTING, TINY } from '../mau-gpt/helpers';
import { maxAbsError, readReference, readRefOutput, REFERENCE, TEST_MODELS } from './helpers';

// Chromium's software Vulkan driver: WebGPU (Dawn) runs on the CPU through it, slowly but really.
const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

function useSwiftShader(ctx: TestContext): void {
  if (!existsSync(SWIFTSHADER)) {
    console.warn(`[webgpu] skipped: ${SWIFTSHADER} is not installed (chromium's SwiftShader Vulkan driver)`);
    ctx.skip(`${SWIFTSHADER} is not installed`);
  }
  // the Vulkan loader reads this when Dawn creates its instance, inside the session worker
  process.env.VK_ICD_FILENAMES = SWIFTSHADER;
}

function skipUnlessOn(ctx: TestContext, provider: string, fallbacks: ProviderFallback[]): void {
  if (provider === 'webgpu') return;
  const reason = fallbacks.find((f) => f.provider === 'webgpu')?.reason ?? 'unknown';
  console.warn(`[webgpu] skipped: WebGPU could not start here: ${reason}`);
  ctx.skip(`WebGPU could not start here: ${reason}`);
}

describe('the WebGPU execution provider', () => {
  const pool = new SessionPool({ intraOpNumThreads: 1 });
  afterAll(() => pool.close());

  it('runs a pack on SwiftShader Vulkan and matches PyTorch', async (ctx) => {
    useSwiftShader(ctx);
    const pack = await loadModelPack(join(TEST_MODELS, 'anomalib-v1'));
    const session = await pool.acquire(pack, { providers: ['webgpu'] });
    skipUnlessOn(ctx, session.provider, session.info.fallbacks);
    const c = (await readReference('anomalib-v1')).cases[0]!;
    const input = imageInputOf(pack);
    const { tensor } = await preprocessImage(join(REFERENCE, c.inputPng), input);
    const { outputs, runMs } = await session.run({ [input.name]: tensor });
    const [name, ref] = Object.entries(c.outputs)[0]!;
    const error = maxAbsError(
      outputs[name]!.data as Float32Array,
      (await readRefOutput(ref)).data as Float32Array,
    );
    console.log(
      `[webgpu] anomalib-v1/${c.name} on WebGPU (SwiftShader): warm-up ${session.info.warmupMs.toFixed(0)} ms, run ${runMs.toFixed(1)} ms, max abs error vs PyTorch ${error.toExponential(2)}`,
    );
    expect(session.info.fallbacks).toEqual([]);
    expect(error).toBeLessThan(1e-4);
  });
  // A GPU machine opens MAU-GPT on WebGPU by default (the decoder picks the provider): its decoder
  // loop with the KV cache must answer there as on CPU. The tiny pack keeps SwiftShader quick.
  it("runs MAU-GPT's decoder with its KV cache on WebGPU and answers as on CPU", async (ctx) => {
    useSwiftShader(ctx);
    const pack = await loadMauGptPack(TINY);
    const answer = async (provider: 'webgpu' | 'cpu') => {
      const runtime = await MauGptRuntime.open(pack, { providers: [provider], intraOpNumThreads: 1 });
      try {
        if (provider === 'webgpu') skipUnlessOn(ctx, runtime.provider, runtime.fallbacks);
        const { result } = await answerAllLevels(runtime, PITTING, {
          category: 'ball_screw',
          object: 'ball screw',
        });
        return { texts: result.texts, verdict: result.verdict, regions: result.regions.length };
      } finally {
        await runtime.close();
      }
    };
    const onGpu = await answer('webgpu');
    const onCpu = await answer('cpu');
    console.log(`[webgpu] MAU-GPT tiny on WebGPU (SwiftShader): ${JSON.stringify(onGpu.texts)}`);
    expect(onGpu).toEqual(onCpu);
  }, 120_000);
});
