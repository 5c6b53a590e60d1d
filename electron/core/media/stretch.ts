import type { Pixels } from './load';

/**
 * 16-bit → 8-bit by a min/max stretch over the colour samples: industrial 12/16-bit sensors
 * rarely use the full range, and a plain >> 8 would show them nearly black. One range for all
 * colour channels keeps the colour balance; alpha is scaled plainly.
 */
export function stretchTo8(pixels: Pixels): Pixels {
  if (pixels.bitDepth === 8) return pixels;
  const { data, channels } = pixels;
  const samples = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  const colour = channels === 2 || channels === 4 ? channels - 1 : channels;
  let min = 65535;
  let max = 0;
  for (let i = 0; i < samples.length; i++) {
    if (i % channels >= colour) continue;
    const v = samples[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = Buffer.alloc(samples.length);
  const range = max - min;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] as number;
    if (i % channels >= colour) out[i] = v >> 8;
    else out[i] = range === 0 ? v >> 8 : Math.round(((v - min) * 255) / range);
  }
  return { ...pixels, bitDepth: 8, data: out };
}
