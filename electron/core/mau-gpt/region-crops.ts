import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { imageError, messageOf } from '../inference/errors';
import { toTensor } from '../inference/processing/preprocess';
import type { TensorData } from '../inference/session/tensor-data';
import type { MauGptOptions } from './options';
import { visionInput } from './runtime';

export type Bounds = readonly [number, number, number, number];
export type CropSpec = { scale: number; minSide: number };

/**
 * The square a region is typed from: `scale` × its longer side, at least minSide and at most the
 * image's shorter side, centred on the region and moved inside the image; whole pixels. Mirrors
 * region_types.crop_box, rounding half up as Python's floor(x + 0.5) does.
 */
export function cropBox(
  [x, y, w, h]: Bounds,
  width: number,
  height: number,
  { scale, minSide }: CropSpec,
): { left: number; top: number; side: number } {
  const side = Math.round(Math.min(Math.max(minSide, scale * Math.max(w, h)), width, height));
  const left = Math.round(Math.min(Math.max(0, x + w / 2 - side / 2), width - side));
  const top = Math.round(Math.min(Math.max(0, y + h / 2 - side / 2), height - side));
  return { left, top, side };
}

/**
 * S×S crops around the regions, each normalised as the vision encoder's input, stacked into
 * [N, 3, S, S] tensors of at most `perBatch` crops for the region-type head. The image is decoded
 * once, however many batches its regions take.
 */
export async function* regionCropBatches(
  source: string | Buffer,
  regions: readonly Bounds[],
  options: MauGptOptions,
  spec: CropSpec,
  label: string,
  perBatch: number,
): AsyncGenerator<TensorData> {
  const input = visionInput(options);
  const S = options.vision.imageSize;
  const plane = 3 * S * S;
  const failed = (error: unknown) => imageError(label, `cannot cut the region crops: ${messageOf(error)}`);
  const decoded = await (typeof source === 'string' ? readFile(source) : Promise.resolve(source))
    .then((bytes) =>
      sharp(bytes, { limitInputPixels: 1 << 30 })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true }),
    )
    .catch((error: unknown) => {
      throw failed(error);
    });
  const { width, height, channels } = decoded.info;
  const raw = { width, height, channels: channels as 1 | 2 | 3 | 4 };
  for (let start = 0; start < regions.length; start += perBatch) {
    const batch = regions.slice(start, start + perBatch);
    const out = new Float32Array(batch.length * plane);
    for (const [i, bounds] of batch.entries()) {
      const { left, top, side } = cropBox(bounds, width, height, spec);
      const pixels = await sharp(decoded.data, { raw })
        .extract({ left, top, width: side, height: side })
        .resize(S, S, { fit: 'fill', kernel: 'linear' })
        .raw()
        .toBuffer()
        .catch((error: unknown) => {
          throw failed(error);
        });
      out.set(toTensor(pixels, channels, input).data as Float32Array, i * plane);
    }
    yield { type: 'float32', dims: [batch.length, 3, S, S], data: out };
  }
}
