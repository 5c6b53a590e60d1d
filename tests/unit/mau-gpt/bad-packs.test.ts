import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMauGptPack, MauGptRuntime } from '../../../electron/core/mau-gpt';
import { copyOfTiny, editManifest } from './helpers';

describe('a broken MAU-GPT pack is refused with the file and the problem named', () => {
  it('a tokenizer whose vocabulary does not match options.decoder.vocabSize', async () => {
    const dir = await copyOfTiny();
    const path = join(dir, 'tokenizer.json');
    const tokenizer = JSON.parse(await readFile(path, 'utf8')) as {
      model: { vocab: Record<string, number> };
    };
    tokenizer.model.vocab['zzz-extra'] = Object.keys(tokenizer.model.vocab).length;
    await writeFile(path, JSON.stringify(tokenizer));
    await editManifest(dir, () => {});
    await expect(loadMauGptPack(dir)).rejects.toThrow(
      `model pack ${dir}: tokenizer.json: the vocabulary has 339 tokens, model.json options.decoder.vocabSize says 338`,
    );
  });

  it('a missing decoder file', async () => {
    const dir = await copyOfTiny();
    await rm(join(dir, 'decoder_model_merged.onnx'));
    await expect(loadMauGptPack(dir)).rejects.toThrow(
      `model pack ${dir}: file decoder_model_merged.onnx listed in model.json is missing`,
    );
  });

  it('a pack without a file for the decoder role', async () => {
    const dir = await copyOfTiny();
    await editManifest(dir, (m) => {
      m.files = m.files.filter((f) => f.path !== 'embed_tokens.onnx');
    });
    await expect(loadMauGptPack(dir)).rejects.toThrow(/needs a file with role "embed-tokens"/);
  });

  it('a stop token outside the vocabulary', async () => {
    const dir = await copyOfTiny();
    const path = join(dir, 'generation_config.json');
    const config = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...config, eos_token_id: [2, 999] }));
    await editManifest(dir, () => {});
    await expect(loadMauGptPack(dir)).rejects.toThrow(
      /generation_config\.json: token id 999 is outside the 338-token vocabulary of tokenizer\.json/,
    );
  });

  it('options with the wrong number of layers, caught when the decoder opens', async () => {
    const dir = await copyOfTiny();
    await editManifest(dir, (m) => {
      m.options.decoder!.numLayers = 3;
    });
    const pack = await loadMauGptPack(dir);
    await expect(MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 })).rejects.toThrow(
      /decoder_model_merged\.onnx: has no input past_key_values\.2\.key/,
    );
  }, 30_000);

  it('options with too few layers or the wrong head count', async () => {
    const dir = await copyOfTiny();
    await editManifest(dir, (m) => {
      m.options.decoder!.numLayers = 1;
      m.options.decoder!.numHeads = 4;
    });
    const pack = await loadMauGptPack(dir);
    const error = await MauGptRuntime.open(pack, { providers: ['cpu'], intraOpNumThreads: 1 }).then(
      () => new Error('the pack opened, a refusal was expected'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(
      /past_key_values\.1\.key, past_key_values\.1\.value beyond options\.decoder\.numLayers = 1 \(the graph has 2 layers\)/,
    );
    expect(error.message).toMatch(/has 2 at axis 1, options\.decoder\.numHeads says 4/);
  }, 30_000);
});
