import { inputToSource, type Geometry } from './geometry';
import type { MapPlacement } from './regions';

export type MapCrop = { x0: number; y0: number; width: number; height: number };

/**
 * Where a model's map (any resolution, spanning the whole model input) covers the source image:
 * the crop that drops letterbox borders, and how corners of the cropped map land in source pixels.
 */
export function placeMap(
  mapWidth: number,
  mapHeight: number,
  g: Geometry,
): { crop: MapCrop; place: MapPlacement } {
  const fx = g.width / mapWidth;
  const fy = g.height / mapHeight;
  const x0 = Math.max(0, Math.floor(g.padX / fx));
  const y0 = Math.max(0, Math.floor(g.padY / fy));
  const x1 = Math.min(mapWidth, Math.ceil((g.padX + g.newWidth) / fx));
  const y1 = Math.min(mapHeight, Math.ceil((g.padY + g.newHeight) / fy));
  return {
    crop: { x0, y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) },
    place: {
      toSource: (u, v) => inputToSource(g, (u + x0) * fx, (v + y0) * fy),
      pixelArea: (fx * fy) / (g.sx * g.sy),
    },
  };
}

/** The crop's pixels; the plane itself (no copy) when the crop is all of it, as in stretch mode. */
export function cropPlane<T extends Float32Array | Uint8Array>(data: T, mapWidth: number, crop: MapCrop): T {
  if (crop.x0 === 0 && crop.y0 === 0 && crop.width === mapWidth && crop.width * crop.height === data.length) {
    return data;
  }
  const out = new (data.constructor as new (n: number) => T)(crop.width * crop.height);
  for (let y = 0; y < crop.height; y++) {
    const from = (y + crop.y0) * mapWidth + crop.x0;
    out.set(data.subarray(from, from + crop.width), y * crop.width);
  }
  return out;
}
