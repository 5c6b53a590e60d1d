import type { Transport } from '../transport/types';

/** At most one signal per this many ms while input keeps coming; the core's gate waits 300 ms after the last. */
const THROTTLE_MS = 100;

/**
 * Tells the core a person is using this window (`app:activity`) when they press a key, click,
 * scroll or drag, but only while a background job could be slowed by what they asked for. What
 * the window fetches on its own (lists re-read after job events) sends nothing, so a job runs at
 * full speed while nobody touches the app.
 */
export function startActivitySignal(transport: Transport, jobRunning: () => boolean): () => void {
  let last = -Infinity;
  const signal = (event: Event) => {
    if (event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
    const now = performance.now();
    if (now - last < THROTTLE_MS || !jobRunning()) return;
    last = now;
    void transport.api['app:activity']({});
  };
  const kinds = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
  // capture: input a component stops still counts, and the signal leaves before its own requests
  for (const kind of kinds) window.addEventListener(kind, signal, { capture: true, passive: true });
  return () => {
    for (const kind of kinds) window.removeEventListener(kind, signal, { capture: true });
  };
}
