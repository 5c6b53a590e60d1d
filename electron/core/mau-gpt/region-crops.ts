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
 * One S×S crop per region, each normalised as the vision encoder's input, stacked into one
 * [N, 3, S, S] tensor for the region-type head. The image is decoded once.
 */
export async function regionCrops(
  source: string | Buffer,
  regions: readonly Bounds[],
  options: MauGptOptions,
  spec: CropSpec,
  label: string,
): Promise<TensorData> {
  const input = visionInput(options);
  const S = options.vision.imageSize;
  try {
    const bytes = typeof source === 'string' ? await readFile(source) : source;
    const decoded = await sharp(bytes, { limitInputPixels: 1 << 30 })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = decoded.info;
    const raw = { width, height, channels: channels as 1 | 2 | 3 | 4 };
    const plane = 3 * S * S;
    const out = new Float32Array(regions.length * plane);
    for (const [i, bounds] of regions.entries()) {
      const { left, top, side } = cropBox(bounds, width, height, spec);
      const pixels = await sharp(decoded.data, { raw })
        .extract({ left, top, width: side, height: side })
        .resize(S, S, { fit: 'fill', kernel: 'linear' })
        .raw()
        .toBuffer();
      out.set(toTensor(pixels, channels, input).data as Float32Array, i * plane);
    }
    return { type: 'float32', dims: [regions.length, 3, S, S], data: out };
  } catch (error) {
    throw imageError(label, `cannot cut the region crops: ${messageOf(error)}`);
  }
}
