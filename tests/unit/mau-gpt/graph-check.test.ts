import { describe, expect, it } from 'vitest';
import type { ValueInfo } from '../../../electron/core/inference/session/check-io';
import { checkDecoder, checkVisionEncoder } from '../../../electron/core/mau-gpt/graph-check';
import { MauGptOptions } from '../../../electron/core/mau-gpt/options';

const options = MauGptOptions.parse({
  vision: { imageSize: 64, numVisualTokens: 16, anomalyFeatureSize: 8, mean: [0, 0, 0], std: [1, 1, 1] },
  decoder: { numLayers: 2, numHeads: 2, headDim: 16, hidden: 32, vocabSize: 338, maxContext: 128 },
  prompt: { template: '<|user|> {question} <|assistant|>' },
  questions: { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' },
});

const v = (name: string, shape: (number | string)[], type = 'float32'): ValueInfo => ({ name, type, shape });

function decoderGraph(layers: number, heads = 2, vocab: number | string = 338) {
  const ls = Array.from({ length: layers }, (_, i) => i);
  return {
    file: 'decoder_model_merged.onnx',
    inputs: [
      v('inputs_embeds', ['b', 's', 32]),
      v('attention_mask', ['b', 't'], 'int64'),
      v('position_ids', ['b', 's'], 'int64'),
      v('anomaly_feature', ['b', 8]),
      ...ls.flatMap((i) => [
        v(`past_key_values.${i}.key`, ['b', heads, 'p', 16]),
        v(`past_key_values.${i}.value`, ['b', heads, 'p', 16]),
      ]),
    ],
    outputs: [
      v('logits', ['b', 's', vocab]),
      ...ls.flatMap((i) => [
        v(`present.${i}.key`, ['b', heads, 't', 16]),
        v(`present.${i}.value`, ['b', heads, 't', 16]),
      ]),
    ],
  };
}

describe('checking graphs against model.json options', () => {
  it('accepts a decoder that matches, symbolic dimensions included', () => {
    expect(checkDecoder(decoderGraph(2), options)).toEqual([]);
    expect(checkDecoder(decoderGraph(2, 2, 'vocab'), options)).toEqual([]);
  });

  it('names the missing layer when options.decoder.numLayers is too high', () => {
    const problems = checkDecoder(decoderGraph(1), options);
    expect(problems[0]).toMatch(/decoder_model_merged\.onnx: has no input past_key_values\.1\.key/);
  });

  it('names the extra layers when options.decoder.numLayers is too low', () => {
    const problems = checkDecoder(decoderGraph(3), options);
    expect(problems.join('\n')).toMatch(
      /past_key_values\.2\.key, past_key_values\.2\.value beyond options\.decoder\.numLayers = 2 \(the graph has 3 layers\)/,
    );
  });

  it('names wrong heads and a logits width that is not the vocabulary', () => {
    const problems = checkDecoder(decoderGraph(2, 4, 500), options).join('\n');
    expect(problems).toMatch(
      /past_key_values\.0\.key \[b, 4, p, 16\] has 4 at axis 1, options\.decoder\.numHeads says 2/,
    );
    expect(problems).toMatch(/logits \[b, s, 500\] has 500 at axis 2, options\.decoder\.vocabSize says 338/);
  });

  it('checks the vision encoder outputs and sizes', () => {
    const graph = {
      file: 'vision_encoder.onnx',
      inputs: [v('pixel_values', ['b', 3, 96, 96])],
      outputs: [
        v('image_embeds', ['b', 16, 32]),
        v('anomaly_map', ['b', 1, 96, 96]),
        v('anomaly_score', ['b']),
      ],
    };
    const problems = checkVisionEncoder(graph, options).join('\n');
    expect(problems).toMatch(/has no output anomaly_feature/);
    expect(problems).toMatch(
      /pixel_values \[b, 3, 96, 96\] has 96 at axis 2, options\.vision\.imageSize says 64/,
    );
  });
});

describe('model.json options of a mau-gpt pack', () => {
  it('refuses a template without {question} and a missing level', () => {
    const bad = MauGptOptions.safeParse({
      ...options,
      prompt: { template: 'no slot' },
      questions: { '1': 'a' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['prompt.template', 'questions.2']));
  });
});
