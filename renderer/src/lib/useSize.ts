import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The element's content size, kept up to date. Measured once before the first paint, so a
 * component laid out from it (the grid's columns) renders its real layout at once instead of
 * a one-column guess that a resize observer corrects a frame later.
 */
export function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (width: number, height: number) =>
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    update(el.clientWidth, el.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) update(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
