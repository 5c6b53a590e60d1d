import { useEffect, useState } from 'react';
import type { SampleId } from '../../../electron/contract';
import { transport } from '../transport/current';
import { api } from '../transport/current';

/** The anomaly map as drawn: a canvas at the map's resolution, and its untouched pixels. */
export type HeatmapSource = { canvas: HTMLCanvasElement; original: ImageData };

type Answer = { key: string; source: HeatmapSource | null };

async function hasHeatmap(sampleId: SampleId, fallback: boolean): Promise<boolean> {
  const result = await api()['predictions:get']({ sampleId });
  return result.ok ? Boolean(result.value?.heatmap) : fallback;
}

async function loadHeatmap(
  sampleId: SampleId,
  version: string,
  signal: AbortSignal,
): Promise<HeatmapSource | null> {
  const response = await fetch(transport().mediaUrl('heatmap', sampleId, version), { signal });
  if (!response.ok) return null;
  const bitmap = await createImageBitmap(await response.blob(), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0);
  return { canvas, original: ctx.getImageData(0, 0, bitmap.width, bitmap.height) };
}

/**
 * The latest prediction's heatmap for the image, when it has one (asked with predictions:get;
 * an imported prediction without a map has none). Keyed by the prediction, so a new run reloads it.
 */
export function useHeatmap(
  sampleId: SampleId | null,
  predictionId: number | null,
  mapPath: string | null,
  enabled: boolean,
): HeatmapSource | null {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = enabled && sampleId !== null && predictionId !== null ? `${sampleId}:${predictionId}` : null;
  useEffect(() => {
    if (!key || sampleId === null) return;
    const abort = new AbortController();
    void (async () => {
      try {
        if (!(await hasHeatmap(sampleId, mapPath !== null))) return setAnswer({ key, source: null });
        const source = await loadHeatmap(sampleId, String(predictionId), abort.signal);
        if (!abort.signal.aborted) setAnswer({ key, source });
      } catch (error) {
        if (!abort.signal.aborted) {
          console.warn('heatmap not shown', error);
          setAnswer({ key, source: null });
        }
      }
    })();
    return () => abort.abort();
  }, [key, sampleId, predictionId, mapPath]);
  return answer && answer.key === key ? answer.source : null;
}
