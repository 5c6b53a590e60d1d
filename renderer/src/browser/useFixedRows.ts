import { useLayoutEffect, useState, type RefObject } from 'react';

export type RowWindow = {
  /** The rows to render (on screen plus `overscan` on each side), with their top in px. */
  items: { index: number; start: number }[];
  /** Height of the whole scrolled content. */
  totalSize: number;
};

type Options = {
  scroller: RefObject<HTMLElement | null>;
  rows: number;
  rowHeight: number;
  /** Height of the scroller's viewport. */
  height: number;
  /** Space above the first row and below the last. */
  pad: number;
  overscan: number;
  /**
   * The range's ends move in steps of this many rows (1 unless said): a list walked one row at a
   * time then mounts rows, and asks for their thumbnails, once every few steps instead of each.
   */
  quantum?: number;
};

type Range = { first: number; last: number };

export function rangeAt(scrollTop: number, o: Omit<Options, 'scroller'>): Range {
  if (o.rows === 0 || o.rowHeight <= 0) return { first: 0, last: -1 };
  const q = Math.max(1, o.quantum ?? 1);
  const top = Math.floor((scrollTop - o.pad) / o.rowHeight);
  const bottom = Math.floor((scrollTop + Math.max(o.height, o.rowHeight) - o.pad) / o.rowHeight);
  return {
    first: Math.max(0, Math.min(o.rows - 1, Math.floor((top - o.overscan) / q) * q)),
    last: Math.max(0, Math.min(o.rows - 1, Math.ceil((bottom + o.overscan + 1) / q) * q - 1)),
  };
}

/**
 * Virtual rows of one fixed height: which rows are on screen is arithmetic on the scroll
 * position, so a list of 100,000 images costs nothing per row (a general virtualiser measured
 * every row, 130 ms at the first paint of a big project). The component re-renders only when
 * the range of rows on screen changes, not on every scroll event.
 */
export function useFixedRows(options: Options): RowWindow {
  const { scroller, rows, rowHeight, height, pad, overscan, quantum } = options;
  const [range, setRange] = useState<Range>({ first: 0, last: -1 });

  // Before the first paint: the first screen of rows is in the same frame as the grid.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      const next = rangeAt(el.scrollTop, { rows, rowHeight, height, pad, overscan, quantum });
      setRange((r) => (r.first === next.first && r.last === next.last ? r : next));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    return () => el.removeEventListener('scroll', update);
  }, [scroller, rows, rowHeight, height, pad, overscan, quantum]);

  const items = [];
  for (let index = range.first; index <= Math.min(range.last, rows - 1); index++)
    items.push({ index, start: pad + index * rowHeight });
  return { items, totalSize: rows * rowHeight + pad * 2 };
}

/** Scrolls the least that brings a row of `rowHeight` fully into view. */
export function scrollRowIntoView(el: HTMLElement | null, row: number, rowHeight: number, pad: number): void {
  if (!el || rowHeight <= 0) return;
  const top = pad + row * rowHeight;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
}
