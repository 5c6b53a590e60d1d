import { describe, expect, it } from 'vitest';
import { encodeRawHeader, RAW_HEADER_BYTES } from '../../../electron/contract';
import { parseRaw } from './rawImage';
import { applyLut, autoWindow, windowLut } from './windowLevel';

describe('16-bit display', () => {
  it('maps the window linearly onto 0–255 and clips outside it', () => {
    const lut = windowLut({ center: 1000, width: 200 });
    expect(lut[800]).toBe(0);
    expect(lut[900]).toBe(0);
    expect(lut[1000]).toBe(128);
    expect(lut[1100]).toBe(255);
    expect(lut[60000]).toBe(255);
  });

  it('writes grey samples as opaque grey RGBA', () => {
    const out = new Uint8ClampedArray(8);
    applyLut(Uint16Array.of(0, 65535), 1, windowLut({ center: 32768, width: 65536 }), out);
    expect([...out]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('ignores a few hot pixels when choosing the first window', () => {
    const samples = new Uint16Array(1000).map((_, i) => 1000 + (i % 100));
    samples[0] = 65535;
    const wl = autoWindow(samples);
    expect(wl.center - wl.width / 2).toBeGreaterThanOrEqual(1000);
    expect(wl.center + wl.width / 2).toBeLessThan(1100);
  });

  it('reads the raw header and little-endian samples', () => {
    const header = encodeRawHeader({ width: 2, height: 1, channels: 1, bitDepth: 16 });
    const buffer = new Uint8Array(RAW_HEADER_BYTES + 4);
    buffer.set(header);
    buffer.set([0x34, 0x12, 0xff, 0x00], RAW_HEADER_BYTES);
    const raw = parseRaw(buffer.buffer);
    expect(raw.width).toBe(2);
    expect([...raw.data]).toEqual([0x1234, 0x00ff]);
  });

  it('says so when the pixels are shorter than the header promises', () => {
    const header = encodeRawHeader({ width: 4, height: 4, channels: 1, bitDepth: 16 });
    expect(() => parseRaw(header.slice().buffer)).toThrow(/promises/);
  });
});
