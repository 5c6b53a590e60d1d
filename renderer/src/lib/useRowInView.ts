import { useEffect, useRef } from 'react';

/**
 * Keeps row `index` (-1: none) of a list that scrolls on its own in view whenever it changes, so a
 * region selected with Tab or on the canvas is never hidden below the list's fold.
 */
export function useRowInView<T extends HTMLElement>(index: number) {
  const list = useRef<T>(null);
  useEffect(() => {
    if (index >= 0) list.current?.children[index]?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  return list;
}
