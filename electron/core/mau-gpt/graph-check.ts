import type { Dim, ValueInfo } from '../inference/session/check-io';
import type { MauGptOptions } from './options';

export type GraphInfo = { file: string; inputs: ValueInfo[]; outputs: ValueInfo[] };

const fmt = (shape: readonly Dim[]) => `[${shape.join(', ')}]`;

export const pastKey = (i: number, part: 'key' | 'value') => `past_key_values.${i}.${part}`;
export const presentKey = (i: number, part: 'key' | 'value') => `present.${i}.${part}`;

/** A numeric dimension that disagrees with what the options say; symbolic ones pass. */
function dimProblem(file: string, what: string, info: ValueInfo, axis: number, want: number, option: string) {
  const have = info.shape[axis];
  if (typeof have !== 'number' || have === want) return [];
  return [
    `${file}: ${what} ${info.name} ${fmt(info.shape)} has ${have} at axis ${axis}, options.${option} says ${want}`,
  ];
}

function need(file: string, list: ValueInfo[], kind: string, names: string[]): string[] {
  const have = new Set(list.map((v) => v.name));
  return names
    .filter((n) => !have.has(n))
    .map((n) => `${file}: has no ${kind} ${n} (its ${kind}s: ${list.map((v) => v.name).join(', ')})`);
}

/** A graph fed S×S images as `pixel_values` that gives at least `outputs`. */
function checkImageGraph(g: GraphInfo, o: MauGptOptions, outputs: string[]): string[] {
  const problems = [
    ...need(g.file, g.inputs, 'input', ['pixel_values']),
    ...need(g.file, g.outputs, 'output', outputs),
  ];
  const pixels = g.inputs.find((i) => i.name === 'pixel_values');
  if (pixels) {
    problems.push(...dimProblem(g.file, 'input', pixels, 2, o.vision.imageSize, 'vision.imageSize'));
    problems.push(...dimProblem(g.file, 'input', pixels, 3, o.vision.imageSize, 'vision.imageSize'));
  }
  return problems;
}

export const ANOMALY_MAP_OUTPUTS = ['anomaly_map', 'anomaly_score'];
export const VISION_OUTPUTS = ['image_embeds', ...ANOMALY_MAP_OUTPUTS, 'anomaly_feature'];

export function checkAnomalyMap(g: GraphInfo, o: MauGptOptions): string[] {
  return checkImageGraph(g, o, ANOMALY_MAP_OUTPUTS);
}

export const DEFECT_TYPE_OUTPUTS = ['type_logits'];
/** With options.defectTypes.regions: the region head's logits, from the same statistics. */
export const REGION_TYPE_OUTPUTS = ['region_type_logits'];

/** One logit per label of options.defectTypes, in its order; per region too where it has a region head. */
export function checkDefectTypes(g: GraphInfo, o: MauGptOptions): string[] {
  const names = [...DEFECT_TYPE_OUTPUTS, ...(o.defectTypes?.regions ? REGION_TYPE_OUTPUTS : [])];
  const problems = checkImageGraph(g, o, names);
  const labels = o.defectTypes?.labels.length ?? 0;
  for (const name of names) {
    const logits = g.outputs.find((i) => i.name === name);
    if (logits)
      problems.push(...dimProblem(g.file, 'output', logits, 1, labels, 'defectTypes.labels (its count)'));
  }
  return problems;
}

export function checkVisionEncoder(g: GraphInfo, o: MauGptOptions): string[] {
  const problems = checkImageGraph(g, o, VISION_OUTPUTS);
  const embeds = g.outputs.find((i) => i.name === 'image_embeds');
  if (embeds) {
    problems.push(
      ...dimProblem(g.file, 'output', embeds, 1, o.vision.numVisualTokens, 'vision.numVisualTokens'),
    );
    problems.push(...dimProblem(g.file, 'output', embeds, 2, o.decoder.hidden, 'decoder.hidden'));
  }
  const feature = g.outputs.find((i) => i.name === 'anomaly_feature');
  if (feature)
    problems.push(
      ...dimProblem(g.file, 'output', feature, 1, o.vision.anomalyFeatureSize, 'vision.anomalyFeatureSize'),
    );
  return problems;
}

export function checkEmbedTokens(g: GraphInfo, o: MauGptOptions): string[] {
  const problems = [
    ...need(g.file, g.inputs, 'input', ['input_ids']),
    ...need(g.file, g.outputs, 'output', ['inputs_embeds']),
  ];
  const ids = g.inputs.find((i) => i.name === 'input_ids');
  if (ids && ids.type !== 'int64') problems.push(`${g.file}: input input_ids is ${ids.type}, expected int64`);
  const out = g.outputs.find((i) => i.name === 'inputs_embeds');
  if (out) problems.push(...dimProblem(g.file, 'output', out, 2, o.decoder.hidden, 'decoder.hidden'));
  return problems;
}

/** Decoder: fixed inputs, one past/present pair per layer with the options' heads and head size. */
export function checkDecoder(g: GraphInfo, o: MauGptOptions): string[] {
  const { numLayers, numHeads, headDim, vocabSize, hidden } = o.decoder;
  const layers = Array.from({ length: numLayers }, (_, i) => i);
  const pasts = layers.flatMap((i) => [pastKey(i, 'key'), pastKey(i, 'value')]);
  const presents = layers.flatMap((i) => [presentKey(i, 'key'), presentKey(i, 'value')]);
  const fixed = ['inputs_embeds', 'attention_mask', 'position_ids', 'anomaly_feature'];
  const problems = [
    ...need(g.file, g.inputs, 'input', [...fixed, ...pasts]),
    ...need(g.file, g.outputs, 'output', ['logits', ...presents]),
  ];
  const extra = g.inputs.filter((i) => !fixed.includes(i.name) && !pasts.includes(i.name));
  if (extra.length > 0) {
    const layerCount = g.inputs.filter((i) => /^past_key_values\.\d+\.key$/.test(i.name)).length;
    problems.push(
      `${g.file}: has inputs ${extra.map((i) => i.name).join(', ')} beyond options.decoder.numLayers = ${numLayers}` +
        (layerCount ? ` (the graph has ${layerCount} layers)` : ''),
    );
  }
  for (const info of g.inputs.filter((i) => pasts.includes(i.name))) {
    problems.push(...dimProblem(g.file, 'input', info, 1, numHeads, 'decoder.numHeads'));
    problems.push(...dimProblem(g.file, 'input', info, 3, headDim, 'decoder.headDim'));
  }
  const embeds = g.inputs.find((i) => i.name === 'inputs_embeds');
  if (embeds) problems.push(...dimProblem(g.file, 'input', embeds, 2, hidden, 'decoder.hidden'));
  const feature = g.inputs.find((i) => i.name === 'anomaly_feature');
  if (feature)
    problems.push(
      ...dimProblem(g.file, 'input', feature, 1, o.vision.anomalyFeatureSize, 'vision.anomalyFeatureSize'),
    );
  const logits = g.outputs.find((i) => i.name === 'logits');
  if (logits) problems.push(...dimProblem(g.file, 'output', logits, 2, vocabSize, 'decoder.vocabSize'));
  return problems;
}
