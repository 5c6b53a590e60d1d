import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadModelPack, type PackOfKind } from '../../../electron/core/inference';
import { repoRoot } from './repo';
import { scratchDir } from './scratch';

/** The shipped MAU-GPT-mini vision encoder: a 256×256 U-Net with an anomaly head, dynamic batch. */
const SHIPPED = join(repoRoot, 'models', 'mau-gpt-mini');
export const VISION_ENCODER = join(SHIPPED, 'vision_encoder.onnx');
/** The same pack's map trunk alone (one U-Net, the same input and map outputs): a model half as slow. */
export const ANOMALY_MAP_GRAPH = join(SHIPPED, 'anomaly_map.onnx');
export const IMAGE_SIZE = 256;
export const INPUT_NAME = 'pixel_values';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The image and pixel thresholds the shipped pack chose on its validation split. */
function shippedThresholds(): { image: number; pixel: number } {
  const manifest = JSON.parse(readFileSync(join(SHIPPED, 'model.json'), 'utf8')) as {
    thresholds: { image: number; pixel: number };
  };
  return { image: manifest.thresholds.image, pixel: manifest.thresholds.pixel };
}

/**
 * An anomalib-2.x-shaped pack (no post-processor in the graph, so the pack's thresholds decide)
 * around the MAU-GPT-mini vision encoder, in a scratch folder: a realistic-size graph that runs
 * through the same predictor, adapter and heatmap code as any anomalib pack a job runs.
 * The thresholds are MAU-GPT-mini's own (model.json), so verdicts and regions are the model's.
 */
export async function visionEncoderPack(graph = VISION_ENCODER): Promise<PackOfKind<'anomalib'>> {
  const dir = scratchDir(graph === VISION_ENCODER ? 'vision-encoder-pack' : 'anomaly-map-pack');
  copyFileSync(graph, join(dir, 'model.onnx'));
  const manifest = {
    format: 'mau-model-pack/1',
    kind: 'anomalib',
    name: 'mau-gpt-mini-vision',
    version: '0.1.0',
    description: 'MAU-GPT-mini vision encoder and anomaly head as an anomalib-style pack (bench only)',
    labels: [],
    thresholds: shippedThresholds(),
    inputs: [
      {
        name: INPUT_NAME,
        shape: ['batch', 3, IMAGE_SIZE, IMAGE_SIZE],
        dtype: 'float32',
        colourOrder: 'RGB',
        resize: { mode: 'stretch', width: IMAGE_SIZE, height: IMAGE_SIZE },
        normalise: { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], scale: 255 },
      },
    ],
    outputs: [
      { name: 'anomaly_score', role: 'score' },
      { name: 'anomaly_map', role: 'anomaly-map' },
    ],
    options: { variant: 'v2' },
    files: [{ path: 'model.onnx', sha256: sha256(join(dir, 'model.onnx')), role: 'model' }],
  };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(manifest, null, 2));
  return loadModelPack(dir, { kind: 'anomalib' });
}
