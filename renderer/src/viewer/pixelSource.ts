import { needsPreview } from '../../../electron/contract/media';
import type { SampleDetail } from '../../../electron/contract';
import { transport } from '../transport/current';
import { parseRaw } from './rawImage';
import { applyLut, autoWindow, windowLut, type WindowLevel } from './windowLevel';

/** What the image layer draws, and how the status bar reads the pixel under the cursor. */
export type PixelSource = {
  sampleId: number;
  width: number;
  height: number;
  image: CanvasImageSource;
  valueAt(x: number, y: number): string;
  /** 16-bit only: repaints `image` for a new window; the caller redraws the layer. */
  applyWindow?(wl: WindowLevel): void;
  initialWindow?: WindowLevel;
  /**
   * Set on a screen-sized preview of a large image: the full-resolution source, which the
   * viewer swaps in once it is decoded (same width and height, so the camera stays).
   */
  full?: Promise<PixelSource>;
};

async function fetchMedia(url: string, signal: AbortSignal): Promise<Response> {
  const response = await fetch(url, { signal });
  if (response.ok) return response;
  let reason = response.statusText;
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    reason = body.error?.message ?? reason;
  } catch {
    // not a Result body; the status text will do
  }
  throw new Error(`image request failed (${response.status}): ${reason}`);
}

const tuple = (values: number[]) => (values.length === 1 ? String(values[0]) : `(${values.join(', ')})`);

// No colour management: the readout must show the stored values, not display-adjusted ones.
// createImageBitmap decodes off the main thread, so the page stays responsive meanwhile.
async function decodeMedia(kind: 'image' | 'preview', detail: SampleDetail, signal: AbortSignal) {
  const url = transport().mediaUrl(kind, detail.id, detail.contentHash);
  const blob = await (await fetchMedia(url, signal)).blob();
  return createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
}

const PREVIEW_READOUT = 'full resolution loading…';

/**
 * A large image shows its preview first (a fraction of the bytes and decode time), then the full
 * image; one that has no preview, or whose preview fails, loads whole as before.
 */
async function load8(detail: SampleDetail, signal: AbortSignal, allowPreview: boolean): Promise<PixelSource> {
  if (!allowPreview || !needsPreview(detail.width, detail.height, detail.bitDepth))
    return loadFull8(detail, signal);
  let preview: ImageBitmap;
  try {
    preview = await decodeMedia('preview', detail, signal);
  } catch {
    return loadFull8(detail, signal);
  }
  return {
    sampleId: detail.id,
    width: detail.width,
    height: detail.height,
    image: preview,
    valueAt: () => PREVIEW_READOUT,
    full: afterNextFrame().then(() => loadFull8(detail, signal)),
  };
}

/**
 * Lets the preview reach the screen before the full image's transfer and decode compete with
 * it for the CPU; the timer covers a page that draws no frames (hidden).
 */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

async function loadFull8(detail: SampleDetail, signal: AbortSignal): Promise<PixelSource> {
  const bitmap = await decodeMedia('image', detail, signal);
  const channels = detail.channels === 1 ? 1 : 3;
  // Reading back every pixel of a 5 MP image costs as much as decoding it; it only serves the
  // cursor readout, so it happens after the image is on screen, not before.
  let pixels: Uint8ClampedArray | null = null;
  const readBack = (): Uint8ClampedArray => {
    if (pixels) return pixels;
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas available to read pixels');
    ctx.drawImage(bitmap, 0, 0);
    pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    return pixels;
  };
  setTimeout(readBack, 250);
  return {
    sampleId: detail.id,
    width: bitmap.width,
    height: bitmap.height,
    image: bitmap,
    valueAt(x, y) {
      const o = (y * bitmap.width + x) * 4;
      return tuple(Array.from(readBack().subarray(o, o + channels)));
    },
  };
}

async function load16(detail: SampleDetail, signal: AbortSignal): Promise<PixelSource> {
  const url = transport().mediaUrl('raw', detail.id, detail.contentHash);
  const raw = parseRaw(await (await fetchMedia(url, signal)).arrayBuffer());
  const canvas = document.createElement('canvas');
  canvas.width = raw.width;
  canvas.height = raw.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas available for window/level');
  const out = ctx.createImageData(raw.width, raw.height);
  const wide = raw.data instanceof Uint16Array ? raw.data : Uint16Array.from(raw.data);
  const max = raw.bitDepth === 16 ? 65535 : 255;
  const shown = Math.min(raw.channels, 3);
  return {
    sampleId: detail.id,
    width: raw.width,
    height: raw.height,
    image: canvas,
    initialWindow: autoWindow(wide),
    applyWindow(wl) {
      applyLut(wide, raw.channels, windowLut(wl, max), out.data);
      ctx.putImageData(out, 0, 0);
    },
    valueAt(x, y) {
      const o = (y * raw.width + x) * raw.channels;
      return tuple(Array.from(raw.data.subarray(o, o + shown)));
    },
  };
}

/** `preview`: a large image may show a screen-sized preview first (see load8). */
export function loadPixels(detail: SampleDetail, signal: AbortSignal, preview = true): Promise<PixelSource> {
  return detail.bitDepth > 8 ? load16(detail, signal) : load8(detail, signal, preview);
}
