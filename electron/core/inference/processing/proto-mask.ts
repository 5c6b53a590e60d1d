export type Prototypes = { data: Float32Array; count: number; height: number; width: number };

/** A binary mask over a window of the model input: only the part around one box is computed. */
export type MaskWindow = {
  x0: number;
  y0: number;
  width: number;
  height: number;
  data: Uint8Array;
  pixels: number;
};

/** PyTorch's bilinear source index for align_corners=False: negative positions clamp to 0. */
function sourceIndex(dst: number, scale: number, size: number): [number, number, number] {
  const src = Math.max(0, (dst + 0.5) * scale - 0.5);
  const lo = Math.min(Math.floor(src), size - 1);
  return [lo, Math.min(lo + 1, size - 1), src - lo];
}

/**
 * An instance mask the way Ultralytics builds it: coeffs·prototypes at prototype resolution,
 * zeroed outside the box scaled to that resolution, bilinearly upsampled (align_corners=False)
 * to the input size, cropped to the box again there (process_mask_native), thresholded on the
 * logit. Only the box's window is computed; `valid` also drops letterbox borders.
 */
export function maskFromPrototypes(
  protos: Prototypes,
  coeffs: ArrayLike<number>,
  box: readonly number[],
  input: { width: number; height: number },
  valid: { x0: number; y0: number; x1: number; y1: number },
  threshold: number,
): MaskWindow {
  const { width: mw, height: mh, count } = protos;
  const bx1 = (box[0]! * mw) / input.width;
  const by1 = (box[1]! * mh) / input.height;
  const bx2 = (box[2]! * mw) / input.width;
  const by2 = (box[3]! * mh) / input.height;
  // crop_mask keeps prototype pixels with bx1 <= column < bx2 (and the same for rows)
  const c0 = Math.max(0, Math.ceil(bx1));
  const c1 = Math.min(mw - 1, Math.ceil(bx2) - 1);
  const r0 = Math.max(0, Math.ceil(by1));
  const r1 = Math.min(mh - 1, Math.ceil(by2) - 1);
  const logits = new Float32Array(mw * mh);
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      let sum = 0;
      for (let k = 0; k < count; k++) sum += coeffs[k]! * protos.data[(k * mh + r) * mw + c]!;
      logits[r * mw + c] = sum;
    }
  }
  const fx = mw / input.width;
  const fy = mh / input.height;
  const logit = Math.log(threshold / (1 - threshold));
  // cropped to the box again at input scale, so an outline never leaves its box
  const x0 = Math.max(valid.x0, Math.ceil(box[0]!));
  const y0 = Math.max(valid.y0, Math.ceil(box[1]!));
  const x1 = Math.min(valid.x1, Math.ceil(box[2]!));
  const y1 = Math.min(valid.y1, Math.ceil(box[3]!));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height);
  let pixels = 0;
  if (c0 > c1 || r0 > r1) return { x0, y0, width, height, data, pixels };
  for (let y = 0; y < height; y++) {
    const [ya, yb, ly] = sourceIndex(y + y0, fy, mh);
    for (let x = 0; x < width; x++) {
      const [xa, xb, lx] = sourceIndex(x + x0, fx, mw);
      const top = (1 - lx) * logits[ya * mw + xa]! + lx * logits[ya * mw + xb]!;
      const bottom = (1 - lx) * logits[yb * mw + xa]! + lx * logits[yb * mw + xb]!;
      if ((1 - ly) * top + ly * bottom > logit) {
        data[y * width + x] = 1;
        pixels++;
      }
    }
  }
  return { x0, y0, width, height, data, pixels };
}
