/**
 * Thumbnails of the grid still on their way. The server answers one request at a time, so the
 * slower calls nobody sees on the first screen (facet counts, review stats) wait until the
 * screen's thumbnails have arrived instead of queueing in front of them.
 */
let pending = 0;
const waiters = new Set<() => void>();

/** Counts one thumbnail as loading; the returned function ends it (once, however often called). */
export function thumbnailStarted(): () => void {
  pending++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending--;
    if (pending === 0) for (const check of [...waiters]) check();
  };
}

/**
 * Resolves once no thumbnail is loading (checked after the next frame, so tiles rendered just
 * now have started theirs), or after `limitMs` whatever happens: a grid never shown, a hidden page.
 */
export function whenThumbnailsSettled(limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      waiters.delete(check);
      resolve();
    };
    const check = () => {
      if (pending === 0) finish();
    };
    const timer = setTimeout(finish, limitMs);
    requestAnimationFrame(() => {
      waiters.add(check);
      check();
    });
  });
}

/**
 * Ref callback for a tile's <img>: counts its load while it lasts. A tile scrolled past before
 * its thumbnail arrived also stops asking for it: removing `src` aborts the request, so a fast
 * scroll does not queue hundreds of thumbnails ahead of the screen's.
 */
export function watchThumbnail(img: HTMLImageElement | null): (() => void) | undefined {
  if (!img) return undefined;
  const done = img.complete ? () => undefined : thumbnailStarted();
  img.addEventListener('load', done, { once: true });
  img.addEventListener('error', done, { once: true });
  // After the commit: only a tile really gone is out of the document (Strict Mode's rehearsal
  // of an unmount leaves it in place, and its image must keep loading).
  return () =>
    queueMicrotask(() => {
      if (img.isConnected) return;
      done();
      if (!img.complete) img.removeAttribute('src');
    });
}
