/**
 * The heatmap media is RGBA: RGB a perceptual colour map of the anomaly value, alpha the value
 * itself. Shown pixels are those at or above the threshold, fully opaque (the layer's opacity
 * does the blending); the rest are transparent.
 */
export function applyThreshold(source: Uint8ClampedArray, out: Uint8ClampedArray, threshold: number): void {
  const cut = Math.round(Math.max(0, Math.min(1, threshold)) * 255);
  for (let i = 0; i < source.length; i += 4) {
    const shown = source[i + 3]! >= cut;
    out[i] = source[i]!;
    out[i + 1] = source[i + 1]!;
    out[i + 2] = source[i + 2]!;
    out[i + 3] = shown ? 255 : 0;
  }
}
