/**
 * Functions that run inside the page (Playwright serialises them, so each is self-contained and
 * may use nothing from this module's scope). Timestamps are performance.now(): milliseconds since
 * the navigation started.
 */

export type FirstPaint = { tilesAt: number; paintedAt: number; tiles: number };
export type GridProbe = { firstPaint: FirstPaint | null; frames: number[]; recording: boolean };
type ProbeWindow = { __benchGrid: GridProbe };

/** Init script: watches every frame from the start until the first screen of tiles shows its images. */
export function installGridProbe(minTiles: number): void {
  const probe: GridProbe = { firstPaint: null, frames: [], recording: false };
  (window as unknown as ProbeWindow).__benchGrid = probe;
  let tilesAt = 0;
  const check = () => {
    const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="thumb-tile"]')].filter((tile) => {
      const r = tile.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    });
    if (tiles.length && !tilesAt) tilesAt = performance.now();
    const images = tiles.map((tile) => tile.querySelector('img'));
    const loaded = images.every((img) => img !== null && img.complete && img.naturalWidth > 0);
    if (tiles.length < minTiles || !loaded) {
      requestAnimationFrame(check);
      return;
    }
    // Loaded is not yet decoded (decoding="async"); the frame after decode() paints them.
    void Promise.all(images.map((img) => img?.decode().catch(() => undefined))).then(() =>
      requestAnimationFrame(() => {
        probe.firstPaint = { tilesAt, paintedAt: performance.now(), tiles: tiles.length };
      }),
    );
  };
  requestAnimationFrame(check);
}

/** Starts recording the timestamp of every animation frame. */
export function startFrames(): void {
  const probe = (window as unknown as ProbeWindow).__benchGrid;
  probe.frames = [];
  probe.recording = true;
  const loop = (t: number) => {
    if (!probe.recording) return;
    probe.frames.push(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

export function stopFrames(): number[] {
  const probe = (window as unknown as ProbeWindow).__benchGrid;
  probe.recording = false;
  return probe.frames;
}

/** Resolves with performance.now() once every tile on screen shows its image (or after `limitMs`). */
export function whenVisibleTilesLoaded(
  limitMs: number,
): Promise<{ at: number; complete: boolean; tiles: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const tiles = [...document.querySelectorAll<HTMLElement>('[data-testid="thumb-tile"]')].filter(
        (tile) => {
          const r = tile.getBoundingClientRect();
          return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
        },
      );
      const done =
        tiles.length > 0 &&
        tiles.every((t) => {
          const img = t.querySelector('img');
          return img !== null && img.complete && img.naturalWidth > 0;
        });
      if (done || performance.now() - start > limitMs) {
        resolve({ at: performance.now(), complete: done, tiles: tiles.length });
        return;
      }
      requestAnimationFrame(check);
    };
    check();
  });
}

export type Timeline = {
  /** The app's script (the largest .js of the page) arrived. */
  scriptEnd: number;
  /** Its size on the wire. */
  scriptBytes: number;
  domContentLoaded: number;
  /** The first API request left. */
  firstApiStart: number;
  /** When each API method first answered. */
  api: Record<string, number>;
  /** The first API requests in the order they left, "method sent–answered" in ms. */
  calls: string[];
};

/** Where the time before the first paint went, from Navigation and Resource Timing. */
export function pageTimeline(): Timeline {
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const scripts = resources.filter((e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name));
  const biggest = scripts.sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const api: Record<string, number> = {};
  let firstApiStart = Number.NaN;
  const calls: string[] = [];
  for (const entry of resources) {
    const method = /\/api\/([^/?]+)/.exec(entry.name)?.[1];
    if (!method) continue;
    if (!(firstApiStart <= entry.startTime)) firstApiStart = entry.startTime;
    const name = decodeURIComponent(method);
    if (!(name in api)) api[name] = entry.responseEnd;
    if (calls.length < 12)
      calls.push(`${name} ${Math.round(entry.startTime)}–${Math.round(entry.responseEnd)}`);
  }
  return {
    scriptEnd: biggest?.responseEnd ?? Number.NaN,
    scriptBytes: biggest?.encodedBodySize ?? Number.NaN,
    domContentLoaded: nav?.domContentLoadedEventEnd ?? Number.NaN,
    firstApiStart,
    api,
    calls,
  };
}
