import { useCallback, useEffect, useRef } from 'react';
import { useKeys } from '../keys/useKeys';
import { useSize } from '../lib/useSize';
import { useBrowser } from '../stores/browserStore';
import { ensureSummaries, summariesCovered, useSampleCache } from '../stores/sampleCache';
import { useViewer } from '../stores/viewerStore';
import { GRID_GAP, GRID_OVERSCAN, GRID_PAD, gridGeometry, tilesOnScreen } from './gridGeometry';
import { ThumbTile } from './ThumbTile';
import { scrollRowIntoView, useFixedRows } from './useFixedRows';

const FETCH_SETTLE_MS = 40;

/** The list indexes one row of the grid shows. */
function rowIndexes(row: number, columns: number, count: number): number[] {
  const first = row * columns;
  return Array.from({ length: Math.max(0, Math.min(columns, count - first)) }, (_, i) => first + i);
}

export function ThumbGrid() {
  const scroller = useRef<HTMLDivElement>(null);
  const { width, height } = useSize(scroller);
  const ids = useBrowser((s) => s.ids);
  const total = useBrowser((s) => s.total);
  const selected = useBrowser((s) => s.selected);
  const select = useBrowser((s) => s.select);
  const setLayout = useBrowser((s) => s.setLayout);
  // Not `version`: rows arriving re-render their own tiles, never the whole grid.
  const generation = useSampleCache((s) => s.generation);
  const openSample = useViewer((s) => s.open);
  const { columns, tileWidth, rowHeight } = gridGeometry(width);
  // Rows for every match, also those whose ids are still on their way: the scroll bar is right at once.
  const rows = Math.ceil(Math.max(total, ids.length) / columns);

  const rowWindow = useFixedRows({
    scroller,
    rows,
    rowHeight,
    height,
    pad: GRID_PAD,
    overscan: GRID_OVERSCAN,
  });
  const screenTiles = tilesOnScreen(width, height);
  useEffect(() => setLayout(columns, screenTiles), [columns, screenTiles, setLayout]);

  const { items } = rowWindow;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  // Once the scroll settles a moment: when the rows within a screen of this one are not all in,
  // the rows two screens either side are asked for, so a scroll asks again once per screen or so.
  useEffect(() => {
    const span = last - first + 1;
    const rowsAround = (screens: number) =>
      ids.slice(Math.max(0, first - screens * span) * columns, (last + 1 + screens * span) * columns);
    const timer = setTimeout(() => {
      if (!summariesCovered(rowsAround(1))) void ensureSummaries(rowsAround(2));
    }, FETCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ids, first, last, columns, generation]);

  useEffect(() => {
    if (selected >= 0)
      scrollRowIntoView(scroller.current, Math.floor(selected / columns), rowHeight, GRID_PAD);
  }, [selected, columns, rowHeight]);

  // Arrow keys and Enter work at once, unless the user already put focus somewhere on purpose.
  useEffect(() => {
    if (document.activeElement === document.body) scroller.current?.focus({ preventScroll: true });
  }, []);

  const open = useCallback(
    (index: number) => {
      const id = useBrowser.getState().ids[index];
      if (id !== undefined) void openSample(id);
    },
    [openSample],
  );
  const page = Math.max(1, Math.floor(height / rowHeight)) * columns;
  useKeys('browser', {
    left: () => select(selected - 1),
    right: () => select(selected + 1),
    up: () => select(selected - columns),
    down: () => select(Math.min(ids.length - 1, selected + columns)),
    pageUp: () => select(selected - page),
    pageDown: () => select(selected + page),
    first: () => select(0),
    last: () => select(ids.length - 1),
    open: () => open(selected),
  });

  return (
    <div
      ref={scroller}
      className="grid"
      role="grid"
      aria-label="Images"
      aria-rowcount={rows}
      tabIndex={0}
      data-key-target="true"
      data-testid="thumb-grid"
    >
      <div className="grid__canvas" style={{ height: rowWindow.totalSize }}>
        {items.map((row) => (
          <div
            key={row.index}
            role="row"
            className="grid__row"
            style={{
              transform: `translateY(${row.start}px)`,
              height: rowHeight - GRID_GAP,
              gridTemplateColumns: `repeat(${columns}, ${tileWidth}px)`,
              paddingInline: GRID_PAD,
              columnGap: GRID_GAP,
            }}
          >
            {rowIndexes(row.index, columns, Math.max(total, ids.length)).map((index) => {
              const id = ids[index];
              if (id === undefined) return <div key={`pending-${index}`} className="tile tile--pending" />;
              return (
                <ThumbTile
                  key={id}
                  id={id}
                  index={index}
                  selected={index === selected}
                  onSelect={select}
                  onOpen={open}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
