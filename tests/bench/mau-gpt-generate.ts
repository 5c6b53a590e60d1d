import { join } from 'node:path';
import { loadMauGptPack, MauGptRuntime } from '../../electron/core/mau-gpt';
import { repoRoot, sharedData } from '../helpers/paths';
import type { Bench } from './lib/types';

const DEFAULT_PACK = join(repoRoot, 'models/test-models/mau-gpt-tiny');
const IMAGE = join(sharedData, 'bsdata/data/01_200905201421_395000_270_crop_2.jpg');
const QUESTION = 'What does the defect look like?';

const bench: Bench = {
  name: 'mau-gpt-generate',
  title: 'MAU-GPT token generation vs bare decoder runs',
  order: 50,
  method:
    'Opens a MAU-GPT pack (MAU_GPT_PACK, default the tiny test pack) on CPU with 1 thread in its generation worker, ' +
    'encodes one BSData image, then generates answers with greedy decoding and no stop token (so every answer runs to ' +
    'its length limit), timed on the calling thread from the request to the reply, streamed deltas included. ' +
    'The same steps are then replayed in the worker with feeds prepared in advance, timing decoder.run alone. ' +
    'Ratio = generation tokens/s ÷ bare decoder steps/s on the same inputs in the same run.',
  async run({ quick, log }) {
    const pack = await loadMauGptPack(process.env.MAU_GPT_PACK ?? DEFAULT_PACK);
    const runtime = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 });
    try {
      const { imageKey } = await runtime.encodeImage(IMAGE);
      const rounds = quick ? 5 : 20;
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
      const ratio = generated / bare;
      log(`${tokens} tokens: ${generated.toFixed(0)} tok/s generated, ${bare.toFixed(0)} steps/s bare`);
      const o = pack.options.decoder;
      return {
        measures: [
          { name: 'generation', value: Math.round(generated), unit: 'tokens/s' },
          { name: 'bare decoder.run', value: Math.round(bare), unit: 'steps/s' },
          { name: 'generation ÷ bare', value: Number(ratio.toFixed(3)), target: '≥ 0.9', pass: ratio >= 0.9 },
          { name: 'inside the worker ÷ bare', value: Number((((tokens / loopMs) * 1000) / bare).toFixed(3)) },
        ],
        notes: [
          `${pack.manifest.name} ${pack.manifest.version}: ${o.numLayers} layers, ${o.numHeads} heads × ${o.headDim}, hidden ${o.hidden}, vocabulary ${o.vocabSize}, maxContext ${o.maxContext}; provider ${runtime.provider}.`,
          `${rounds} answers of ${tokens / rounds} tokens each (until maxContext), ${deltas} text deltas posted to the caller.`,
          'The generation time includes the prompt step, sampling, incremental detokenisation and posting deltas; the bare time only decoder.run.',
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
