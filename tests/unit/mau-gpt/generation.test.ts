import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMauGptPack, MauGptRuntime, type MauGptPack } from '../../../electron/core/mau-gpt';
import type { GenerateReply } from '../../../electron/core/mau-gpt/worker-protocol';
import { PITTING, TINY, TINY_REFERENCE } from './helpers';

const QUESTION = 'What does the defect look like?';
/** No stop token: every run goes to its length limit, so there are tokens to compare. */
const NO_EOS = { eosTokenIds: [] as number[], maxNewTokens: 16 };

describe('MAU-GPT generation with the tiny pack', () => {
  let pack: MauGptPack;
  let runtime: MauGptRuntime;
  let imageKey: number;

  beforeAll(async () => {
    pack = await loadMauGptPack(TINY);
    runtime = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 });
    imageKey = (await runtime.encodeImage(PITTING)).imageKey;
  }, 60_000);
  afterAll(() => runtime?.close());

  it('loads the pack with its tokenizer and generation config', () => {
    expect(pack.options.decoder).toMatchObject({ numLayers: 2, vocabSize: 338 });
    expect(pack.generation.eos_token_id).toBe(2);
    expect(runtime.provider).toBe('cpu');
  });

  it('tokenizes like the recipe did (the reference cases of the pack)', async () => {
    const { Tokenizer } = await import('@huggingface/tokenizers');
    const tokenizer = new Tokenizer(pack.tokenizerJson as object, { clean_up_tokenization_spaces: false });
    const cases = JSON.parse(await readFile(join(TINY_REFERENCE, 'tokenizer_cases.json'), 'utf8')) as {
      cases: { text: string; ids: number[] }[];
    };
    for (const c of cases.cases) expect(tokenizer.encode(c.text).ids, c.text).toEqual(c.ids);
  });

  it('greedy generation is deterministic, and the streamed deltas add up to the text', async () => {
    const deltas: string[] = [];
    const first = await runtime.generate(imageKey, QUESTION, {
      settings: NO_EOS,
      onDelta: (d) => deltas.push(d),
    });
    const second = await runtime.generate(imageKey, QUESTION, { settings: NO_EOS });
    expect(first.tokens).toHaveLength(16);
    expect(second.tokens).toEqual(first.tokens);
    expect(deltas.join('')).toBe(first.text);
    expect(first.text.length).toBeGreaterThan(0);
  });

  it('KV-cached generation yields the same tokens as re-running the whole sequence', async () => {
    const cached = await runtime.generate(imageKey, QUESTION, { settings: NO_EOS });
    const full = await runtime.generate(imageKey, QUESTION, { settings: { ...NO_EOS, useCache: false } });
    expect(full.tokens).toEqual(cached.tokens);
  });

  it('top-p + temperature sampling is reproducible from its seed', async () => {
    const sampled = (seed: number) =>
      runtime.generate(imageKey, QUESTION, {
        settings: { ...NO_EOS, doSample: true, temperature: 1.5, topP: 0.95, seed },
      });
    const a = await sampled(11);
    expect((await sampled(11)).tokens).toEqual(a.tokens);
    const others = await Promise.all([12, 13, 14].map(sampled));
    expect(others.some((o) => o.tokens.join() !== a.tokens.join())).toBe(true);
  });

  it('stops at a stop token (left out of the answer) and at max_new_tokens', async () => {
    const free = await runtime.generate(imageKey, QUESTION, { settings: NO_EOS });
    const stopAt = free.tokens[3]!;
    const stopped = await runtime.generate(imageKey, QUESTION, {
      settings: { ...NO_EOS, eosTokenIds: [stopAt] },
    });
    expect(stopped.stop).toBe('eos');
    expect(stopped.tokens).toEqual(free.tokens.slice(0, free.tokens.indexOf(stopAt)));
    const short = await runtime.generate(imageKey, QUESTION, { settings: { ...NO_EOS, maxNewTokens: 5 } });
    expect(short).toMatchObject({ stop: 'max-new-tokens' } satisfies Partial<GenerateReply>);
    expect(short.tokens).toEqual(free.tokens.slice(0, 5));
  });

  it('starts an answer with the forced text, streams it, and lets the decoder go on from there', async () => {
    const free = await runtime.generate(imageKey, QUESTION, { settings: NO_EOS });
    const deltas: string[] = [];
    const started = await runtime.generate(imageKey, QUESTION, {
      settings: NO_EOS,
      answerStart: 'No.',
      onDelta: (d) => deltas.push(d),
    });
    expect(started.text).toMatch(/^no ?\./);
    expect(deltas.join('')).toBe(started.text);
    expect(started.tokens).toHaveLength(16);
    // what follows was chosen after the forced tokens, not copied from the free answer
    const after = await runtime.generate(imageKey, QUESTION, { settings: NO_EOS, answerStart: 'No.' });
    expect(after.tokens).toEqual(started.tokens);
    expect(started.tokens.join()).not.toBe(free.tokens.join());
  });

  it('with no_repeat_ngram_size, repeats no n-gram within an answer', async () => {
    const bigrams = (tokens: number[]) => tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
    const free = await runtime.generate(imageKey, QUESTION, { settings: { ...NO_EOS, maxNewTokens: 40 } });
    // the tiny decoder loops when nothing stops it: the test needs a repeat to rule out
    expect(new Set(bigrams(free.tokens)).size).toBeLessThan(bigrams(free.tokens).length);
    const fresh = await runtime.generate(imageKey, QUESTION, {
      settings: { ...NO_EOS, maxNewTokens: 40, noRepeatNgramSize: 2 },
    });
    const pairs = bigrams(fresh.tokens);
    expect(new Set(pairs).size).toBe(pairs.length);
    // up to its first repeat the free answer is what a bigram limit lets through
    const firstRepeat = pairs.findIndex((p, i) => pairs.indexOf(p) !== i);
    const freePairs = bigrams(free.tokens);
    const freeRepeat = freePairs.findIndex((p, i) => freePairs.indexOf(p) !== i);
    expect(fresh.tokens.slice(0, freeRepeat + 1)).toEqual(free.tokens.slice(0, freeRepeat + 1));
    expect(firstRepeat).toBe(-1);
  });

  it('never runs past maxContext, and refuses a prompt that does not fit', async () => {
    // maxContext 128 − 16 visual tokens: a question of ~100 tokens leaves a few positions
    const long = Array.from({ length: 48 }, () => 'defect').join(' ');
    const tight = await runtime.generate(imageKey, long, { settings: { ...NO_EOS, maxNewTokens: 100 } });
    expect(tight.stop).toBe('max-context');
    expect(16 + tight.promptTokens + tight.tokens.length).toBe(128);
    const tooLong = Array.from({ length: 200 }, () => 'defect').join(' ');
    await expect(runtime.generate(imageKey, tooLong)).rejects.toThrow(
      /the prompt takes \d+ positions \(16 visual \+ \d+ text tokens\).*maxContext = 128/,
    );
  });

  it('encodes grey 16-bit and RGBA images of unusual sizes like any other', async () => {
    const grey16 = await sharp(PITTING).greyscale().resize(301, 97).toColourspace('grey16').png().toBuffer();
    const rgba = await sharp(PITTING).resize(33, 200).ensureAlpha(0.5).png().toBuffer();
    expect((await sharp(grey16).metadata()).depth).toBe('ushort');
    for (const [image, width, height] of [
      [grey16, 301, 97],
      [rgba, 33, 200],
    ] as const) {
      const encoded = await runtime.encodeImage(image, 'test image');
      expect(encoded.geometry).toMatchObject({ sourceWidth: width, sourceHeight: height });
      expect(Number.isFinite(encoded.anomalyScore)).toBe(true);
      const answer = await runtime.generate(encoded.imageKey, QUESTION, { settings: { maxNewTokens: 4 } });
      expect(answer.tokens.length).toBeLessThanOrEqual(4);
      await runtime.forget(encoded.imageKey);
    }
  });

  it('an aborted signal cancels before any step', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runtime.generate(imageKey, QUESTION, { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
  });
});
