import { kindPhrase, packError } from '../errors';
import type { YoloOptions } from '../pack/options';
import { inputBoxToSource, type Geometry } from '../processing/geometry';
import { nmsClasswise, type Candidate } from '../processing/nms';
import { maskFromPrototypes, type Prototypes } from '../processing/proto-mask';
import { regionsFromMask } from '../processing/regions';
import type { TensorData } from '../session/tensor-data';
import type { PredictedRegion, PredictionResult } from '../types';
import { outputTensor, type Adapter, type DecodeInput } from './adapter';

type Detection = Candidate & { coeffs: Float32Array };

function prototypes(input: DecodeInput, tensor: TensorData | undefined): Prototypes | undefined {
  if (!tensor) return undefined;
  const [batch, count, height, width] = tensor.dims;
  if (tensor.dims.length !== 4 || batch !== 1) {
    throw packError(
      input.pack.dir,
      `prototypes have shape [${tensor.dims.join(', ')}], expected [1, nm, H/4, W/4]`,
    );
  }
  return { data: tensor.data as Float32Array, count: count!, height: height!, width: width! };
}

/** Ultralytics raw head [1, 4+nc+nm, N] (also accepted transposed): decode, filter, NMS per class. */
function decodeRaw(input: DecodeInput, out: TensorData, nc: number, nm: number, o: YoloOptions): Detection[] {
  const [batch, a = 0, b = 0] = out.dims;
  const width = 4 + nc + nm;
  const channelMajor = nc > 0 ? a === width : a < b;
  const channels = channelMajor ? a : b;
  const anchors = channelMajor ? b : a;
  if (out.dims.length !== 3 || batch !== 1 || (nc > 0 && channels !== width) || channels <= 4 + nm) {
    throw packError(
      input.pack.dir,
      `output shape [${out.dims.join(', ')}] does not fit a raw YOLO head with ${nc || '?'} classes and ${nm} mask coefficients`,
    );
  }
  const classes = channels - 4 - nm;
  const data = out.data as Float32Array;
  const at = channelMajor
    ? (c: number, i: number) => data[c * anchors + i]!
    : (c: number, i: number) => data[i * channels + c]!;
  const found: Detection[] = [];
  for (let i = 0; i < anchors; i++) {
    let score = -Infinity;
    let cls = 0;
    for (let c = 0; c < classes; c++) {
      const s = at(4 + c, i);
      if (s > score) [score, cls] = [s, c];
    }
    if (!(score > o.confThreshold)) continue;
    const cx = at(0, i);
    const cy = at(1, i);
    const w = at(2, i);
    const h = at(3, i);
    const coeffs = new Float32Array(nm);
    for (let k = 0; k < nm; k++) coeffs[k] = at(4 + classes + k, i);
    found.push({ box: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], score, cls, index: i, coeffs });
  }
  return nmsClasswise(found, o.iouThreshold, o.maxDetections);
}

/** End-to-end exports [1, K, 6+nm]: rows x1,y1,x2,y2,score,class(,coeffs), already suppressed. */
function decodeNms(input: DecodeInput, out: TensorData, nm: number, o: YoloOptions): Detection[] {
  const [batch, rows = 0, width = 0] = out.dims;
  if (out.dims.length !== 3 || batch !== 1 || width !== 6 + nm) {
    throw packError(
      input.pack.dir,
      `output shape [${out.dims.join(', ')}] is not [1, K, ${6 + nm}] of an end-to-end YOLO export`,
    );
  }
  const data = out.data as Float32Array;
  const found: Detection[] = [];
  for (let i = 0; i < rows; i++) {
    const row = data.subarray(i * width, (i + 1) * width);
    if (!(row[4]! > o.confThreshold)) continue;
    const box: [number, number, number, number] = [row[0]!, row[1]!, row[2]!, row[3]!];
    found.push({ box, score: row[4]!, cls: Math.round(row[5]!), index: i, coeffs: row.slice(6) });
  }
  found.sort((p, q) => q.score - p.score || p.index - q.index);
  return found.slice(0, o.maxDetections);
}

function maskRegion(
  d: Detection,
  protos: Prototypes,
  g: Geometry,
  o: YoloOptions,
): Omit<PredictedRegion, 'defectType'> {
  const valid = { x0: g.padX, y0: g.padY, x1: g.padX + g.newWidth, y1: g.padY + g.newHeight };
  const win = maskFromPrototypes(protos, d.coeffs, d.box, g, valid, o.maskThreshold);
  const pixelArea = 1 / (g.sx * g.sy);
  const outlines = regionsFromMask(
    win.data,
    win.data,
    win.width,
    win.height,
    {
      toSource: (u, v) => [
        Math.min(Math.max((u + win.x0 - g.padX) / g.sx, 0), g.sourceWidth),
        Math.min(Math.max((v + win.y0 - g.padY) / g.sy, 0), g.sourceHeight),
      ],
      pixelArea,
    },
    { simplifyTolerance: o.simplifyTolerance },
  );
  // the largest piece is the instance's outline (Ultralytics' masks2segments does the same)
  const largest = outlines.reduce<(typeof outlines)[number] | undefined>(
    (best, r) => (!best || r.areaPx > best.areaPx ? r : best),
    undefined,
  );
  if (!largest) return { score: d.score, shape: { kind: 'box', ...inputBoxToSource(g, d.box) }, areaPx: 0 };
  return { score: d.score, shape: largest.shape, areaPx: win.pixels * pixelArea };
}

/**
 * Ultralytics YOLO detect and segment exports, raw or end-to-end. Boxes and outlines come back in
 * source pixels (letterbox undone); class names from the pack's labels.
 */
export const yolo: Adapter = {
  check(pack) {
    if (pack.kind !== 'yolo') throw packError(pack.dir, `is ${kindPhrase(pack.kind)}, not a yolo pack`);
    const roles = pack.options.task === 'segment' ? ['detections', 'prototypes'] : ['detections'];
    for (const role of roles) {
      if (!pack.manifest.outputs.some((o) => o.role === role)) {
        throw packError(
          pack.dir,
          `model.json: outputs: a YOLO ${pack.options.task} pack needs an output with role "${role}"`,
        );
      }
    }
  },

  decode(input): PredictionResult {
    const pack = input.pack;
    if (pack.kind !== 'yolo') throw packError(pack.dir, `is ${kindPhrase(pack.kind)}, not a yolo pack`);
    const o = pack.options;
    const out = outputTensor(input, 'detections');
    const protos = o.task === 'segment' ? prototypes(input, outputTensor(input, 'prototypes')) : undefined;
    const nm = protos?.count ?? 0;
    const labels = pack.manifest.labels;
    const detections =
      o.format === 'raw' ? decodeRaw(input, out, labels.length, nm, o) : decodeNms(input, out, nm, o);
    const regions: PredictedRegion[] = detections.map((d) => {
      const defectType = labels[d.cls] ?? `class_${d.cls}`;
      if (protos) return { defectType, ...maskRegion(d, protos, input.geometry, o) };
      const box = inputBoxToSource(input.geometry, d.box);
      return { defectType, score: d.score, shape: { kind: 'box', ...box }, areaPx: box.w * box.h };
    });
    const score = detections.reduce((best, d) => Math.max(best, d.score), 0);
    const verdictThreshold = pack.manifest.thresholds.image ?? o.confThreshold;
    return {
      score,
      verdict: detections.some((d) => d.score >= verdictThreshold) ? 'NG' : 'OK',
      calibrated: pack.manifest.thresholds.image !== undefined,
      regions,
    };
  },
};
