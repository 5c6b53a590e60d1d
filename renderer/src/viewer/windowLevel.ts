export type WindowLevel = { center: number; width: number };

/** A 16-bit → 8-bit lookup table for one window; applying it is one array read per pixel. */
export function windowLut(wl: WindowLevel, maxValue = 65535): Uint8Array {
  const lut = new Uint8Array(maxValue + 1);
  const width = Math.max(1, wl.width);
  const lo = wl.center - width / 2;
  for (let v = 0; v <= maxValue; v++) {
    const t = (v - lo) / width;
    lut[v] = t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
  }
  return lut;
}

/** Writes grey or RGB 16-bit samples through the table into RGBA pixels. */
export function applyLut(src: Uint16Array, channels: number, lut: Uint8Array, out: Uint8ClampedArray): void {
  const n = out.length / 4;
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    if (channels === 1) {
      const v = lut[src[i] ?? 0] ?? 0;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
    } else {
      const s = i * channels;
      out[o] = lut[src[s] ?? 0] ?? 0;
      out[o + 1] = lut[src[s + 1] ?? 0] ?? 0;
      out[o + 2] = lut[src[s + 2] ?? 0] ?? 0;
    }
    out[o + 3] = 255;
  }
}

/** The initial window: the 0.5th to 99.5th percentile, so a few hot pixels do not flatten the rest. */
export function autoWindow(src: Uint16Array): WindowLevel {
  const histogram = new Uint32Array(65536);
  for (let i = 0; i < src.length; i++) histogram[src[i] ?? 0]!++;
  const cut = src.length * 0.005;
  let lo = 0;
  let hi = 65535;
  for (let seen = 0; lo < 65535 && seen + (histogram[lo] ?? 0) <= cut; lo++) seen += histogram[lo] ?? 0;
  for (let seen = 0; hi > 0 && seen + (histogram[hi] ?? 0) <= cut; hi--) seen += histogram[hi] ?? 0;
  if (hi <= lo) hi = lo + 1;
  return { center: (lo + hi) / 2, width: hi - lo };
}
