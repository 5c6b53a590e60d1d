import { messageOf, packError } from '../errors';
import type { ValueInfo } from '../session/check-io';
import type { ForeignDraft } from './foreign-anomalib';
import { parseClassNames } from './python-literal';

function imageSize(metadata: Record<string, string>): number[] | undefined {
  const text = metadata.imgsz;
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'number') return [parsed, parsed];
    if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'number')) return parsed as number[];
  } catch {
    // not JSON: fall through to the graph's own shape
  }
  return undefined;
}

/** model.json fields for an Ultralytics export, from its graph and its metadata_props. */
export function draftYolo(
  onnxPath: string,
  inputs: ValueInfo[],
  outputs: ValueInfo[],
  metadata: Record<string, string>,
  labelsOverride?: string[],
): ForeignDraft {
  const input = inputs[0];
  if (inputs.length !== 1 || !input)
    throw packError(onnxPath, `expected one image input, found ${inputs.length}`);
  const [out0, out1] = outputs;
  if (!out0 || out0.shape.length !== 3 || outputs.some((o) => o.name === 'anomaly_map')) {
    throw packError(
      onnxPath,
      `does not look like an Ultralytics YOLO export (outputs: ${outputs.map((o) => o.name).join(', ')})`,
    );
  }
  let labels = labelsOverride;
  if (!labels) {
    if (!metadata.names)
      throw packError(onnxPath, 'has no "names" metadata (not an Ultralytics export?); pass labels');
    try {
      labels = parseClassNames(metadata.names);
    } catch (error) {
      throw packError(onnxPath, `metadata "names": ${messageOf(error)}`);
    }
  }
  const task =
    metadata.task === 'segment' || (!metadata.task && out1?.shape.length === 4) ? 'segment' : 'detect';
  if (metadata.task && !['detect', 'segment'].includes(metadata.task)) {
    throw packError(
      onnxPath,
      `Ultralytics task "${metadata.task}" is not supported (detect and segment are)`,
    );
  }
  const nm = task === 'segment' && typeof out1?.shape[1] === 'number' ? out1.shape[1] : 0;
  const e2e = /^true$/i.test(metadata.end2end ?? '') || out0.shape[2] === 6 + nm;
  const [h, w] = input.shape.slice(-2);
  const [mh, mw] = imageSize(metadata) ?? [];
  const height = typeof h === 'number' ? h : mh;
  const width = typeof w === 'number' ? w : (mw ?? mh);
  if (!height || !width) throw packError(onnxPath, `input ${input.name} has open size and no imgsz metadata`);
  return {
    inputs: [
      {
        name: input.name,
        shape: input.shape,
        dtype: 'float32',
        colourOrder: 'RGB',
        resize: { mode: 'letterbox', width, height, padValue: 114 },
        normalise: { mean: [0, 0, 0], std: [1, 1, 1], scale: 255 },
      },
    ],
    outputs: [
      { name: out0.name, role: 'detections' },
      ...(task === 'segment' && out1 ? [{ name: out1.name, role: 'prototypes' }] : []),
    ],
    labels,
    thresholds: {},
    options: { task, format: e2e ? 'nms' : 'raw' },
    extraFiles: [],
  };
}
