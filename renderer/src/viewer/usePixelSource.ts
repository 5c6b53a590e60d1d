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
    pixelsFor(sample).then(
      (source) => {
        if (abort.signal.aborted) return;
        if (source.initialWindow) useViewer.getState().setWindowLevel(source.initialWindow);
        setAnswer({ key, source, error: null });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setAnswer({ key, source: null, error: message });
        showError('viewer', `Cannot show ${sample.fileName}`, message, [sample.path]);
      },
    );
    return () => abort.abort();
  }, [key]);
  // An answer for another sample is as good as none: never show one image with another's labels.
  if (!answer || answer.key !== key) return { source: null, error: null };
  return answer;
}
