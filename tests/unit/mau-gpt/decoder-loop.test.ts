import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrt } from '../../../electron/core/inference/session/ort';
import { generateTokens, type EncodedImage, type Graphs } from '../../../electron/core/mau-gpt/decoder-loop';
import { Embeddings } from '../../../electron/core/mau-gpt/embedding-table';
import { defaultSettings, GenerationConfigFile } from '../../../electron/core/mau-gpt/generation-config';
import { loadMauGptPack } from '../../../electron/core/mau-gpt/load-mau-gpt';
import { openGraphs, type OpenedGraphs } from '../../../electron/core/mau-gpt/open-graphs';
import { TINY } from './helpers';

// The token loop in this thread (the worker runs the same function), to watch it step by step.
describe('the decoder loop', () => {
  let opened: OpenedGraphs;
  let graphs: Graphs;
  let image: EncodedImage;

  beforeAll(async () => {
    const pack = await loadMauGptPack(TINY);
    const ort = await loadOrt();
    opened = await openGraphs(ort, pack, ['cpu'], 1);
    const { vocabSize, hidden } = pack.options.decoder;
    const embeddings = await Embeddings.create(ort, opened.embed, vocabSize, hidden);
    graphs = { ort, label: pack.dir, options: pack.options, decoder: opened.decoder.session, embeddings };
    const S = pack.options.vision.imageSize;
    const pixels = new ort.Tensor('float32', new Float32Array(3 * S * S).fill(0.3), [1, 3, S, S]);
    const out = await opened.vision.run({ pixel_values: pixels });
    image = { imageEmbeds: out.image_embeds!, anomalyFeature: out.anomaly_feature! };
  }, 60_000);
  afterAll(async () => {
    await opened?.vision.release();
    await opened?.embed.release();
    await opened?.decoder.session.release();
  });

  it('stops within one step of a cancellation', async () => {
    const produced: number[] = [];
    const settings = {
      ...defaultSettings(GenerationConfigFile.parse({ eos_token_id: 2, max_new_tokens: 40 })),
      eosTokenIds: [],
    };
    const run = generateTokens(graphs, image, {
      promptIds: [3, 149, 169, 4],
      settings,
      // raised once the third token is out; the loop must not run another decoder step
      cancelled: () => produced.length >= 3,
      onToken: (t) => produced.push(t),
    });
    await expect(run).rejects.toMatchObject({
      code: 'CANCELLED',
      message: 'generation cancelled after 3 token(s)',
    });
    expect(produced).toHaveLength(3);
  });

  it('feeds an empty past at step 0 and grows the cache by one position per token', async () => {
    const lengths: number[] = [];
    const decoder = graphs.decoder;
    const spy = new Proxy(decoder, {
      get(target, key) {
        if (key !== 'run') return Reflect.get(target, key) as unknown;
        return (feeds: Record<string, { dims: readonly number[] }>) => {
          lengths.push(feeds['past_key_values.0.key']!.dims[2]!);
          return target.run(feeds as never);
        };
      },
    });
    const settings = {
      ...defaultSettings(GenerationConfigFile.parse({ eos_token_id: 2, max_new_tokens: 4 })),
      eosTokenIds: [],
    };
    await generateTokens({ ...graphs, decoder: spy }, image, {
      promptIds: [3, 4],
      settings,
      cancelled: () => false,
      onToken: () => {},
    });
    // 16 visual + 2 prompt positions at step 0, then one more per fed token
    expect(lengths).toEqual([0, 18, 19, 20]);
  });
});
