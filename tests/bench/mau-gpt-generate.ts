import { join } from 'node:path';
import { loadMauGptPack, MauGptRuntime } from '../../electron/core/mau-gpt';
import { repoRoot, sharedData } from '../helpers/paths';
import type { Bench } from './lib/types';

/** The shipped model (what the target is about) and the tiny test pack, whose 0.4 ms steps make any per-token cost show. */
const PACKS = [
  { role: 'shipped', dir: join(repoRoot, 'models/mau-gpt-mini') },
  { role: 'tiny', dir: join(repoRoot, 'models/test-models/mau-gpt-tiny') },
];
const IMAGE = join(sharedData, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg');
const QUESTION = 'What does the defect look like?';
const TARGET = 0.9;

type Measured = {
  label: string;
  generated: number;
  bare: number;
  inside: number;
  describe: string;
  answers: string;
};

async function measurePack(dir: string, rounds: number, log: (m: string) => void): Promise<Measured> {
  const pack = await loadMauGptPack(dir);
  const runtime = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 });
  try {
    const { imageKey } = await runtime.encodeImage(IMAGE);
    const settings = { eosTokenIds: [], maxNewTokens: 1_000_000 };
    // one warm-up answer: first-run allocations are not what a user waits for each time
    await runtime.generate(imageKey, QUESTION, { settings });
    let tokens = 0;
    let wallMs = 0;
    let loopMs = 0;
    let replaySteps = 0;
    let replayMs = 0;
    let deltas = 0;
    for (let r = 0; r < rounds; r++) {
      const started = performance.now();
      const answer = await runtime.generate(imageKey, QUESTION, { settings, onDelta: () => deltas++ });
      wallMs += performance.now() - started;
      tokens += answer.tokens.length;
      loopMs += answer.loopMs;
      const replay = await runtime.replay(imageKey, QUESTION, answer.tokens);
      replaySteps += replay.steps;
      replayMs += replay.decoderMs;
    }
    const generated = (tokens / wallMs) * 1000;
    const bare = (replaySteps / replayMs) * 1000;
    const label = `${pack.manifest.name} ${pack.manifest.version}`;
    log(
      `${label}: ${tokens} tokens, ${generated.toFixed(0)} tok/s generated, ${bare.toFixed(0)} steps/s bare`,
    );
    const o = pack.options.decoder;
    return {
      label,
      generated,
      bare,
      inside: (tokens / loopMs) * 1000,
      describe: `${label}: ${o.numLayers} layers, ${o.numHeads} heads × ${o.headDim}, hidden ${o.hidden}, vocabulary ${o.vocabSize}, maxContext ${o.maxContext}; provider ${runtime.provider}.`,
      answers: `${label}: ${rounds} answers of ${tokens / rounds} tokens each (until maxContext), ${deltas} text deltas posted to the caller.`,
    };
  } finally {
    await runtime.close();
  }
}

const bench: Bench = {
  name: 'mau-gpt-generate',
  title: 'MAU-GPT token generation vs bare decoder runs',
  order: 50,
  method:
    'Opens the shipped MAU-GPT pack (models/mau-gpt-mini), then the tiny test pack, on CPU with 1 thread in its generation worker, ' +
    'encodes one BSData image, then generates answers with greedy decoding and no stop token (so every answer runs to ' +
    'its length limit), timed on the calling thread from the request to the reply, streamed deltas included. ' +
    'The same steps are then replayed in the worker with feeds prepared in advance, timing decoder.run alone. ' +
    'Ratio = generation tokens/s ÷ bare decoder steps/s on the same inputs in the same run; the target applies to the shipped model.',
  async run({ quick, log }) {
    const rounds = quick ? 5 : 20;
    const measured: Measured[] = [];
    for (const { dir } of PACKS) measured.push(await measurePack(dir, rounds, log));
    return {
      measures: measured.flatMap((m, i) => {
        const ratio = m.generated / m.bare;
        const shipped = PACKS[i]!.role === 'shipped';
        return [
          { name: `${m.label}: generation`, value: Math.round(m.generated), unit: 'tokens/s' },
          { name: `${m.label}: bare decoder.run`, value: Math.round(m.bare), unit: 'steps/s' },
          {
            name: `${m.label}: generation ÷ bare`,
            value: Number(ratio.toFixed(3)),
            ...(shipped ? { target: `≥ ${TARGET}`, pass: ratio >= TARGET } : {}),
          },
          { name: `${m.label}: inside the worker ÷ bare`, value: Number((m.inside / m.bare).toFixed(3)) },
        ];
      }),
      notes: [
        ...measured.flatMap((m) => [m.describe, m.answers]),
        'The generation time includes the prompt step, sampling, incremental detokenisation and posting deltas (joined, at most one per 16 ms); the bare time only decoder.run. ' +
          'Per token the loop adds about 0.05–0.1 ms of its own (feeds, detokenising, garbage collection): a few per cent of a shipped-model step, a tenth or more of a tiny-pack step.',
      ],
    };
  },
};

export default bench;
