import { emptyHistograms, type PixelHistograms } from '../metrics/pixel-histograms';

/**
 * What one image adds to the pixel histograms: its map (levels 0..255) against its ground-truth
 * mask, both at the same resampled size. Ground-truth regions are 8-connected components of the
 * mask, as MVTec AD's evaluation labels them (scipy.ndimage.label with a 3×3 structure).
 */
export function mapContribution(
  map: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
): PixelHistograms {
  if (map.length !== width * height || truth.length !== width * height) {
    throw new Error(
      `map and mask must both be ${width}×${height} pixels, got ${map.length} and ${truth.length}`,
    );
  }
  const h = emptyHistograms();
  h.images = 1;
  let anomalous = 0;
  for (let i = 0; i < map.length; i++) {
    if (truth[i]) {
      h.positive[map[i]!]! += 1;
      anomalous++;
    } else h.negative[map[i]!]! += 1;
  }
  if (anomalous > 0) addRegionShares(h, map, truth, width, height, anomalous);
  return h;
}

/**
 * Flood fill from each unvisited anomalous pixel: the work follows the defect pixels, not the
 * image, which matters because most of a map is normal.
 */
function addRegionShares(
  h: PixelHistograms,
  map: Uint8Array,
  truth: Uint8Array,
  width: number,
  height: number,
  anomalous: number,
): void {
  const visited = new Uint8Array(truth.length);
  const members = new Int32Array(anomalous);
  for (let seed = 0; seed < truth.length; seed++) {
    if (!truth[seed] || visited[seed]) continue;
    visited[seed] = 1;
    members[0] = seed;
    let count = 1;
    for (let next = 0; next < count; next++) {
      const p = members[next]!;
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (!truth[q] || visited[q]) continue;
          visited[q] = 1;
          members[count++] = q;
        }
      }
    }
    h.regions++;
    const share = 1 / count;
    for (let k = 0; k < count; k++) h.regionShare[map[members[k]!]!]! += share;
  }
}
