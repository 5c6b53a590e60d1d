import { useLayoutEffect, useRef, useState } from 'react';
import type { SampleId } from '../../../electron/contract/ids';
import { trackThumb } from './thumbLoads';
import { useThumb } from './thumbSource';

type Props = {
  id: SampleId;
  /** What the tile says when it has no image (its import error). */
  fallback?: string | null | undefined;
};

/**
 * A tile's thumbnail, or why it has none. A component of its own: a thumbnail arriving re-renders
 * this and not the tile around it. `src` is set here, once, not as a prop: React 19 assigns an
 * <img>'s src a second time when it mounts, and for a data: URL each assignment is a synchronous
 * parse on the main thread, about a tenth of a fast scroll's main-thread time.
 */
export function ThumbImage({ id, fallback }: Props) {
  const thumb = useThumb(id);
  const ref = useRef<HTMLImageElement>(null);
  const [broken, setBroken] = useState(false);
  const url = thumb && 'url' in thumb ? thumb.url : null;
  useLayoutEffect(() => {
    const img = ref.current;
    if (!img || !url) return;
    img.src = url;
    // Until decoded, it holds back the grid's later lists (thumbLoads.ts).
    const untrack = trackThumb(img);
    // After the commit: only a tile really gone is out of the document (Strict Mode's rehearsal
    // of an unmount leaves it in place, and its image must keep counting).
    return () =>
      queueMicrotask(() => {
        if (!img.isConnected || img.src !== url) untrack?.();
      });
  }, [url]);
  const problem = thumb && 'error' in thumb ? thumb.error : broken ? 'the thumbnail does not decode' : null;
  if (problem !== null)
    return (
      <span className="tile__noimg" title={problem}>
        {fallback ?? 'no preview'}
      </span>
    );
  return url && <img ref={ref} alt="" decoding="async" draggable={false} onError={() => setBroken(true)} />;
}
