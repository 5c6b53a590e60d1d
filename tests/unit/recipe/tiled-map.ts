import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { PITTING } from '../mau-gpt/helpers';

/** The BSData pitting image encoded by the pack in `dir` on CPU: its map, score and tiles. */
export async function tiledMapOf(dir: string, category?: string) {
  const runtime = await MauGptRuntime.open(await loadMauGptPack(dir), {
    providers: ['cpu'],
    intraOpNumThreads: 1,
  });
  try {
    const encoded = await runtime.encodeImage(PITTING, undefined, category);
    await runtime.forget(encoded.imageKey);
    return {
      map: encoded.anomalyMap.data as Float32Array,
      score: encoded.anomalyScore,
      tiles: encoded.tiles,
    };
  } finally {
    await runtime.close();
  }
}

export const maxDiff = (a: Float32Array, b: Float32Array) =>
  a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
