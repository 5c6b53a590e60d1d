/**
 * Which grid thumbnails are still on their way. A big project's first load asks for its slower
 * lists (the whole id list, the facet counts) only once the first screen's images are in: the
 * server answers one request at a time, and a 100,000-row count queued ahead of them made the
 * first screen wait for it.
 */
const pending = new Set<HTMLImageElement>();
let listeners: (() => void)[] = [];

function notify(): void {
  if (pending.size) return;
  const waiting = listeners;
  listeners = [];
  for (const listener of waiting) listener();
}

/** Ref callback for a tile's <img>: tracks it from mount until it loads, fails or leaves. */
export function trackThumb(img: HTMLImageElement | null): (() => void) | undefined {
  if (!img || img.complete) return undefined;
  pending.add(img);
  const settle = () => {
    img.removeEventListener('load', settle);
    img.removeEventListener('error', settle);
    if (pending.delete(img)) notify();
  };
  img.addEventListener('load', settle);
  img.addEventListener('error', settle);
  return settle;
}

/** The caller waits after its tiles rendered; this covers a render React had not flushed yet. */
const MOUNT_GRACE_MS = 50;

/**
 * Resolves when no tile is waiting for its thumbnail (at the earliest once the tiles had time
 * to mount), or after `limitMs` whatever is still loading.
 */
export function whenThumbsSettled(limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(limit);
      resolve();
    };
    const limit = setTimeout(finish, limitMs);
    setTimeout(() => {
      if (pending.size === 0) finish();
      else listeners.push(finish);
    }, MOUNT_GRACE_MS);
  });
}
