import type { ProviderName } from '../../../electron/core/inference/session/providers';
import { answerAllLevels, loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { FIVE_ANSWER_IMAGES, FIVE_ANSWER_SAMPLES, SHIPPED_MAU_GPT } from './mau-gpt-images';
import { median } from './stats';
import type { Measure } from './types';

const ROUNDS = 3;

type Runs = {
  visionMs: number[];
  answersMs: number[];
  tokens: number;
  generateMs: number;
  texts: string[][];
};
const noRuns = (): Runs => ({ visionMs: [], answersMs: [], tokens: 0, generateMs: 0, texts: [] });

/** The five answers for each of the three images, as a job asks them. */
async function answerImages(runtime: MauGptRuntime, into: Runs): Promise<void> {
  for (const [i, image] of FIVE_ANSWER_IMAGES.entries()) {
    const started = performance.now();
    const { timings, result } = await answerAllLevels(runtime, image, FIVE_ANSWER_SAMPLES[i]);
    into.answersMs.push(performance.now() - started);
    into.visionMs.push(timings.preprocessMs + timings.encodeMs);
    into.tokens += timings.tokens;
    into.generateMs += timings.generateMs;
    into.texts[i] = Object.values(result.texts).map((text) => text ?? '');
  }
}

/** Where the greedy answers on `provider` differ from CPU's: "image i Lk" each. */
function differences(a: string[][], b: string[][]): string[] {
  return a.flatMap((texts, i) =>
    texts.flatMap((text, k) => (text === b[i]?.[k] ? [] : [`image ${i + 1} L${k + 1}`])),
  );
}

/**
 * MAU-GPT-mini opened on `provider` (the decoder picks it, the other graphs follow) and on CPU,
 * answering the five-answers bench's three images in alternating rounds: same answers?, how fast?
 */
export async function mauGptOnProvider(
  provider: ProviderName,
  threads: number,
  log: (m: string) => void,
): Promise<Measure[]> {
  const pack = await loadMauGptPack(process.env.MAU_GPT_PACK ?? SHIPPED_MAU_GPT);
  const accelerated = await MauGptRuntime.open(pack, { providers: [provider], intraOpNumThreads: threads });
  const cpu = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: threads });
  try {
    if (accelerated.provider !== provider) {
      const reason = accelerated.fallbacks.find((f) => f.provider === provider)?.reason ?? 'unknown';
      return [
        { name: `${provider}: MAU-GPT-mini`, value: `not available here, fell back to CPU: ${reason}` },
      ];
    }
    const runs = { accelerated: noRuns(), cpu: noRuns() };
    await answerImages(accelerated, noRuns());
    await answerImages(cpu, noRuns());
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['accelerated', 'cpu'] as const) : (['cpu', 'accelerated'] as const);
      for (const which of order) await answerImages(which === 'cpu' ? cpu : accelerated, runs[which]);
    }
    const differing = differences(runs.accelerated.texts, runs.cpu.texts);
    for (const where of differing) log(`${provider}: answers differ from CPU's at ${where}`);
    const total = runs.cpu.texts.flat().length;
    const tokensPerSecond = (r: Runs) => Math.round((r.tokens / r.generateMs) * 1000);
    const rows = (label: string, r: Runs): Measure[] => [
      { name: `${label}: MAU-GPT vision path per image, median`, value: median(r.visionMs), unit: 'ms' },
      {
        name: `${label}: MAU-GPT time to five answers per image, median`,
        value: median(r.answersMs),
        unit: 'ms',
      },
      { name: `${label}: MAU-GPT generation`, value: tokensPerSecond(r), unit: 'tokens/s' },
    ];
    return [
      {
        name: `${provider}: MAU-GPT-mini greedy answers identical to CPU's`,
        value: `${total - differing.length} of ${total}${differing.length ? ` (differ: ${differing.join(', ')})` : ''}`,
      },
      ...rows(provider, runs.accelerated),
      ...rows(`cpu (${threads} threads)`, runs.cpu),
    ];
  } finally {
    await Promise.all([accelerated.close(), cpu.close()]);
  }
}
