import type { AnomalyMap } from '../inference/types';

/**
 * Longest side of the anomaly map a prediction stores. Tiles mode maps at full resolution (BSData
 * parts are up to 2928 px wide); the regions are traced on that full map before it is shrunk, so
 * only the stored heat map (a PNG per prediction, rescaled by the viewer anyway) gets coarser.
 */
export const MAX_STORED_MAP_SIDE = 1024;

/**
 * The map scaled down so its longest side is at most `maxSide`, keeping the aspect ratio; each
 * output pixel is the mean of the source pixels in its cell (area averaging, no aliasing).
 * A map that already fits is returned as is.
 */
export function shrinkMap(map: AnomalyMap, maxSide = MAX_STORED_MAP_SIDE): AnomalyMap {
  const { width, height, data } = map;
  const longest = Math.max(width, height);
  if (longest <= maxSide) return map;
  const scale = maxSide / longest;
  const outWidth = Math.max(1, Math.min(maxSide, Math.round(width * scale)));
  const outHeight = Math.max(1, Math.min(maxSide, Math.round(height * scale)));
  const xEdges = cellEdges(width, outWidth);
  const yEdges = cellEdges(height, outHeight);
  const out = new Float32Array(outWidth * outHeight);
  for (let oy = 0; oy < outHeight; oy++) {
    const y0 = yEdges[oy]!;
    const y1 = yEdges[oy + 1]!;
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = xEdges[ox]!;
      const x1 = xEdges[ox + 1]!;
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) sum += data[row + x]!;
      }
      out[oy * outWidth + ox] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/** n + 1 integer edges splitting `length` source pixels into n cells of ≥ 1 pixel each. */
function cellEdges(length: number, n: number): Int32Array {
  const edges = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) edges[i] = Math.floor((i * length) / n);
  return edges;
}
