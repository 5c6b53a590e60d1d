/**
 * The image view's live numbers (zoom, cursor pixel) reach the status bar through this channel,
 * not through React state: pan and zoom must not re-render components, and the text is written
 * at most once per animation frame however fast the pointer moves.
 */
export type Camera = { scale: number; x: number; y: number };
export type Readout = { camera: Camera | null; cursor: string | null };

const state: Readout = { camera: null, cursor: null };
const listeners = new Set<(readout: Readout) => void>();
let frame = 0;

export function publishReadout(patch: Partial<Readout>): void {
  Object.assign(state, patch);
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    for (const listener of listeners) listener(state);
  });
}

export function subscribeReadout(listener: (readout: Readout) => void): () => void {
  listeners.add(listener);
  listener(state);
  return () => listeners.delete(listener);
}
