import { useEffect, useRef, useState } from 'react';
import type { SampleDetail } from '../../../electron/contract';
import { showError } from '../stores/toastStore';
import { useViewer } from '../stores/viewerStore';
import { pixelsFor } from './pixelCache';
import type { PixelSource } from './pixelSource';

type Answer = { key: string; source: PixelSource | null; error: string | null };

/**
 * Loads the pixels of the open sample; a newer sample cancels the older request. Keyed by the
 * image's content, so a re-read record (new labels) keeps the pixels and the camera as they are.
 */
export function usePixelSource(detail: SampleDetail | null): {
  source: PixelSource | null;
  error: string | null;
} {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = detail ? `${detail.id}:${detail.contentHash}` : null;
  const latest = useRef(detail);
  useEffect(() => {
    latest.current = detail;
  });

  useEffect(() => {
    const sample = latest.current;
    if (!key || !sample) return;
    const abort = new AbortController();
    // Shared with the read-ahead of the next image; leaving early only ignores the answer.
    const failed = (error: unknown, keep: PixelSource | null) => {
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      // A preview already on screen stays: it is the right image, only not at full resolution.
      setAnswer({ key, source: keep, error: keep ? null : message });
      showError('viewer', `Cannot show ${sample.fileName}`, message, [sample.path]);
    };
    pixelsFor(sample).then(
      (source) => {
        if (abort.signal.aborted) return;
        if (source.initialWindow) useViewer.getState().setWindowLevel(source.initialWindow);
        setAnswer({ key, source, error: null });
        // A preview first: the full image replaces it when decoded, under the same camera.
        source.full?.then(
          (full) => !abort.signal.aborted && setAnswer({ key, source: full, error: null }),
          (error: unknown) => failed(error, source),
        );
      },
      (error: unknown) => failed(error, null),
    );
    return () => abort.abort();
  }, [key]);
  // An answer for another sample is as good as none: never show one image with another's labels.
  if (!answer || answer.key !== key) return { source: null, error: null };
  return answer;
}
