/**
 * In-page (self-contained) Long Animation Frame observation: where a slow frame's time went.
 * Chromium reports every frame over 50 ms with its script attributions.
 */

export type LongFrames = {
  count: number;
  /** Sum of the frames' durations. */
  totalMs: number;
  /** Of that, running script (event handlers, timers, promise callbacks, rAF callbacks). */
  scriptMs: number;
  /** Of that, style, layout and paint preparation after the last script. */
  layoutMs: number;
  /** The script callers that took the most time, "invoker: ms". */
  top: string[];
};

type LoafScript = { invoker: string; duration: number };
type LoafEntry = PerformanceEntry & { styleAndLayoutStart: number; scripts: LoafScript[] };
type LoafState = { entries: LoafEntry[]; observer: PerformanceObserver | null };

export function startLongFrames(): boolean {
  const state: LoafState = { entries: [], observer: null };
  (window as unknown as { __benchLoaf: LoafState }).__benchLoaf = state;
  if (!PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) return false;
  state.observer = new PerformanceObserver((list) => {
    state.entries.push(...(list.getEntries() as LoafEntry[]));
  });
  state.observer.observe({ type: 'long-animation-frame', buffered: false });
  return true;
}

export function stopLongFrames(): LongFrames {
  const state = (window as unknown as { __benchLoaf: LoafState }).__benchLoaf;
  if (state.observer) state.entries.push(...(state.observer.takeRecords() as LoafEntry[]));
  state.observer?.disconnect();
  const byInvoker = new Map<string, number>();
  let scriptMs = 0;
  let layoutMs = 0;
  let totalMs = 0;
  for (const entry of state.entries) {
    totalMs += entry.duration;
    if (entry.styleAndLayoutStart > 0)
      layoutMs += entry.startTime + entry.duration - entry.styleAndLayoutStart;
    for (const script of entry.scripts) {
      scriptMs += script.duration;
      const key = script.invoker.replace(/https?:\/\/[^ ]*\//g, '').slice(0, 60);
      byInvoker.set(key, (byInvoker.get(key) ?? 0) + script.duration);
    }
  }
  const top = [...byInvoker.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([invoker, ms]) => `${invoker}: ${Math.round(ms)} ms`);
  return { count: state.entries.length, totalMs, scriptMs, layoutMs, top };
}
