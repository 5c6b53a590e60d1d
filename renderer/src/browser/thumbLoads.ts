/**
 * Which grid thumbnails are still on their way. A big project's first load asks for its slower
 * lists (the whole id list, the facet counts) only once the first screen's images are in: the
 * server answers one request at a time, and a 100,000-row count queued ahead of them made the
 * first screen wait for it.
 */
const pending = new Set<object>();
let listeners: (() => void)[] = [];

function notify(): void {
  if (pending.size) return;
  const waiting = listeners;
  listeners = [];
  for (const listener of waiting) listener();
}

/**
 * Tracks a tile's <img>, its src just set, until it is decoded or fails; the returned function
 * stops tracking it (a tile that left). Loaded is not enough: a data: URL loads at once, and a
 * list asked for then landed before the decoded images were painted.
 */
export function trackThumb(img: HTMLImageElement | null): (() => void) | undefined {
  if (!img) return undefined;
  pending.add(img);
  const settle = () => {
    if (pending.delete(img)) notify();
  };
  img.decode().then(settle, settle);
  return settle;
}

/**
 * Counts a batch of thumbnails still on its way as pending until `release`: between its
 * request and its tiles' <img> elements nothing else would show that the screen is waiting.
 */
export function holdThumbs(): () => void {
  const hold = {};
  pending.add(hold);
  return () => {
    if (pending.delete(hold)) notify();
  };
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
    // The frame after the last image decoded paints it; the caller's work comes after that.
    const afterPaint = () => requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(() => {
      if (pending.size === 0) afterPaint();
      else listeners.push(afterPaint);
    }, MOUNT_GRACE_MS);
  });
}
