import type Konva from 'konva';
import { useEffect, type RefObject } from 'react';
import { useViewer } from '../stores/viewerStore';
import type { PixelSource } from './pixelSource';

/**
 * Repaints a 16-bit image when the window changes, at most once per frame, by subscribing to the
 * store directly: dragging the window re-renders the sliders, never the stage.
 */
export function useWindowLevelPaint(source: PixelSource | null, layer: RefObject<Konva.Layer | null>): void {
  useEffect(() => {
    if (!source?.applyWindow) return;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const wl = useViewer.getState().windowLevel;
      if (!wl) return;
      source.applyWindow?.(wl);
      layer.current?.batchDraw();
    };
    paint();
    const unsubscribe = useViewer.subscribe((state, before) => {
      if (state.windowLevel !== before.windowLevel && !frame) frame = requestAnimationFrame(paint);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [source, layer]);
}
