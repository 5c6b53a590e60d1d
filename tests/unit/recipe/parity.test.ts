import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { PackManifest } from '../../../electron/core/inference/pack/schema';
import { maxAbsDiff, readFeeds, readIndex, readTensor, TINY_PACK, type ReferenceIndex } from './reference';

const TOLERANCE = 1e-4;

async function session(file: string): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(join(TINY_PACK, file), { intraOpNumThreads: 1 });
}

async function compareOutputs(
  graph: string,
  index: ReferenceIndex,
  got: ort.InferenceSession.OnnxValueMapType,
  want: Record<string, string>,
): Promise<void> {
  for (const [name, key] of Object.entries(want)) {
    const expected = await readTensor(index, key);
    const have = got[name];
    expect(have, `${graph}: output ${name}`).toBeDefined();
    expect(have!.dims, `${graph}: dims of ${name}`).toEqual(expected.dims);
    const error = maxAbsDiff(have!, expected);
    console.log(
      `[parity] ${graph} ${name} [${expected.dims.join('x')}]: max abs error ${error.toExponential(2)}`,
    );
    expect(error, `${graph}: ${name}`).toBeLessThan(TOLERANCE);
  }
}

describe('mau-gpt-tiny pack written by the recipe', () => {
  let index: ReferenceIndex;
  let manifest: PackManifest;

  beforeAll(async () => {
    index = await readIndex();
    manifest = PackManifest.parse(JSON.parse(await readFile(join(TINY_PACK, 'model.json'), 'utf8')));
  });

  it('lists every file with its true sha256 and the roles of docs/MAU-GPT-PACK.md', async () => {
    expect(manifest.kind).toBe('mau-gpt');
    for (const file of manifest.files) {
      const hash = createHash('sha256')
        .update(await readFile(join(TINY_PACK, file.path)))
        .digest('hex');
      expect(hash, file.path).toBe(file.sha256);
    }
    expect(manifest.files.map((f) => f.role).sort()).toEqual(
      [
        'card',
        'decoder',
        'embed-tokens',
        'generation-config',
        'tokenizer',
        'vision-encoder',
        'weights',
      ].sort(),
    );
    expect(manifest.thresholds.image).toBeTypeOf('number');
    expect(manifest.thresholds.pixel).toBeTypeOf('number');
  });

  it('runs the vision encoder and token embeddings as PyTorch does', async () => {
    const vision = await session('vision_encoder.onnx');
    await compareOutputs(
      'vision',
      index,
      await vision.run(await readFeeds(index, index.vision.inputs)),
      index.vision.outputs,
    );
    const embed = await session('embed_tokens.onnx');
    await compareOutputs(
      'embed',
      index,
      await embed.run(await readFeeds(index, index.embed.inputs)),
      index.embed.outputs,
    );
  });

  it('runs the merged decoder with an empty cache and with a cache', async () => {
    const decoder = await session('decoder_model_merged.onnx');
    const pastLengths = index.decoder.map((step) => step.pastLength);
    expect(pastLengths[0]).toBe(0);
    expect(pastLengths[1]).toBeGreaterThan(0);
    for (const step of index.decoder) {
      const got = await decoder.run(await readFeeds(index, step.inputs));
      await compareOutputs(`decoder (past ${step.pastLength})`, index, got, step.outputs);
    }
  });

  it('answers with the same greedy tokens as the Python loop, from the tokenized prompt', async () => {
    const options = manifest.options as {
      prompt: { template: string };
      decoder: { numLayers: number; numHeads: number; headDim: number; maxContext: number };
    };
    const tokenizer = new Tokenizer(
      JSON.parse(await readFile(join(TINY_PACK, 'tokenizer.json'), 'utf8')),
      {},
    );
    const generation = JSON.parse(await readFile(join(TINY_PACK, 'generation_config.json'), 'utf8')) as {
      eos_token_id: number;
      max_new_tokens: number;
    };
    const prompt = options.prompt.template.replace('{question}', index.generation.question);
    expect(tokenizer.encode(prompt).ids).toEqual(index.generation.promptIds);

    const vision = await session('vision_encoder.onnx');
    const embed = await session('embed_tokens.onnx');
    const decoder = await session('decoder_model_merged.onnx');
    const seen = await vision.run({
      pixel_values: await readTensor(index, index.vision.inputs.pixel_values!),
    });
    const embedIds = async (ids: number[]): Promise<ort.Tensor> =>
      (
        await embed.run({
          input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
        })
      ).inputs_embeds!;
    const promptEmbeds = await embedIds(index.generation.promptIds);
    const imageEmbeds = seen.image_embeds!;
    const hidden = imageEmbeds.dims[2]!;
    const first = new Float32Array(imageEmbeds.size + promptEmbeds.size);
    first.set(imageEmbeds.data as Float32Array);
    first.set(promptEmbeds.data as Float32Array, imageEmbeds.size);
    let embeds: ort.Tensor = new ort.Tensor('float32', first, [1, first.length / hidden, hidden]);

    const { numLayers, numHeads, headDim, maxContext } = options.decoder;
    let past: Record<string, ort.Tensor> = {};
    for (let i = 0; i < numLayers; i++) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${i}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [
          1,
          numHeads,
          0,
          headDim,
        ]);
      }
    }
    const answer: number[] = [];
    let length = 0;
    for (;;) {
      const t = embeds.dims[1]!;
      const out = await decoder.run({
        inputs_embeds: embeds,
        attention_mask: new ort.Tensor('int64', new BigInt64Array(length + t).fill(1n), [1, length + t]),
        position_ids: new ort.Tensor(
          'int64',
          BigInt64Array.from({ length: t }, (_, i) => BigInt(length + i)),
          [1, t],
        ),
        anomaly_feature: seen.anomaly_feature!,
        ...past,
      });
      length += t;
      const logits = out.logits!.data as Float32Array;
      const vocab = out.logits!.dims[2]!;
      const last = logits.subarray(logits.length - vocab);
      const token = last.indexOf(Math.max(...last));
      if (
        token === generation.eos_token_id ||
        answer.length >= generation.max_new_tokens ||
        length >= maxContext
      )
        break;
      answer.push(token);
      past = Object.fromEntries(
        Object.keys(past).map((name) => [name, out[name.replace('past_key_values', 'present')]!]),
      );
      embeds = await embedIds([token]);
    }
    expect(answer).toEqual(index.generation.answerIds);
    if (answer.length > 0) {
      expect(tokenizer.decode(answer, { skip_special_tokens: true })).toBe(index.generation.answerText);
    }
  });
});
