import type { Rect } from '../regions/types';

type Listener = (rect: Rect | null) => void;
const listeners = new Set<Listener>();

/** The brush's strokes reach its preview here, not through React: one event, one small repaint. */
export function onPaint(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitPaint(rect: Rect | null): void {
  for (const listener of listeners) listener(rect);
}
