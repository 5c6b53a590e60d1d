import sharp from 'sharp';
import { imageError, messageOf } from '../inference/errors';
import { geometryFor, type Geometry } from '../inference/processing/geometry';
import type { TensorData } from '../inference/session/tensor-data';
import type { MauGptOptions } from './options';
import { tileGrid, type TileGrid } from './tile-grid';

/** What the generation worker needs to map an image tile by tile. */
export type TilesRequest = {
  /** The source pixels as decoded, uint8 [H, W, C] (C = 1 grey or 3 RGB). */
  image: TensorData;
  grid: TileGrid;
};

/**
 * The tiles of an image when the pack maps in tiles mode and the image holds at least one whole
 * tile; otherwise undefined, and the map comes from the resized view (as in the recipe).
 */
export async function tilesRequest(
  source: string | Buffer,
  options: MauGptOptions,
  size: { width: number; height: number },
  label: string,
): Promise<TilesRequest | undefined> {
  const { tiling, imageSize } = options.vision;
  if (tiling.mode !== 'tiles') return undefined;
  const grid = tileGrid(size.width, size.height, imageSize, tiling.overlap);
  if (!grid) return undefined;
  return { image: await decodeFullResolution(source, label, size), grid };
}

/** Pixels as stored (no EXIF rotation, alpha dropped), the grid labels and the resize view use. */
async function decodeFullResolution(
  source: string | Buffer,
  label: string,
  size: { width: number; height: number },
): Promise<TensorData> {
  const { data, info } = await sharp(source, { failOn: 'truncated', limitInputPixels: 1 << 30 })
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw imageError(label, `cannot be decoded: ${messageOf(error)}`);
    });
  if (info.width !== size.width || info.height !== size.height) {
    throw imageError(
      label,
      `decoded as ${info.width}×${info.height}, its header says ${size.width}×${size.height}`,
      'INTERNAL',
    );
  }
  const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { type: 'uint8', dims: [info.height, info.width, info.channels], data: pixels };
}

/** A map on the source's own pixel grid: identity placement, so regions come out in source pixels. */
export function sourceGeometry(width: number, height: number): Geometry {
  return geometryFor(width, height, { mode: 'stretch', width, height });
}
