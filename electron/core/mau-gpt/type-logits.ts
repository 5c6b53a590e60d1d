import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { messageOf, packError } from '../inference/errors';

/**
 * Runs defect_types.onnx for one of its heads (`type_logits` on the resized view,
 * `region_type_logits` on region crops): one row of logits per image of the batch, each with one
 * finite value per label.
 */
export async function runTypeHead(
  session: InferenceSession,
  pixels: Tensor,
  output: 'type_logits' | 'region_type_logits',
  packLabel: string,
  labels: number,
  what: string,
): Promise<number[][]> {
  const out = await session.run({ pixel_values: pixels }).catch((error: unknown) => {
    throw packError(packLabel, `${what} run failed: ${messageOf(error)}`, 'INTERNAL');
  });
  const logits = [...((out[output]?.data as Float32Array | undefined) ?? [])];
  const images = pixels.dims[0]!;
  if (logits.length !== images * labels || !logits.every(Number.isFinite)) {
    throw packError(
      packLabel,
      `${what}: ${output} has ${logits.length} values (${logits.filter((v) => !Number.isFinite(v)).length} not finite) for ${images} image(s), options.defectTypes.labels has ${labels}`,
      'INVALID_INPUT',
    );
  }
  return Array.from({ length: images }, (_, i) => logits.slice(i * labels, (i + 1) * labels));
}
