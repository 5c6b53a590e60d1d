import { memo, useEffect, useRef } from 'react';
import type { SampleId } from '../../../electron/contract';
import { StateDot } from '../browser/StateDot';
import { ThumbImage } from '../browser/ThumbImage';
import { scrollRowIntoView, useFixedRows } from '../browser/useFixedRows';
import { VerdictBadge } from '../browser/VerdictBadge';
import { reviewStateLabel } from '../lib/colors';
import { formatCount } from '../lib/format';
import { useSize } from '../lib/useSize';
import { useBrowser } from '../stores/browserStore';
import { ensureSummaries, getSummary, summariesCovered, useSampleCache } from '../stores/sampleCache';
import { useReview } from '../stores/reviewStore';
import { goTo } from './navigation';

const ROW = 84;
const PAD = 4;
const OVERSCAN = 2;
// Stepping mounts the next rows (and asks for their thumbnails) eight at a time, not one a step.
const QUANTUM = 8;
// Rows are read from the store once a scroll pauses this long, as the grid does.
const FETCH_SETTLE_MS = 80;

const StripItem = memo(function StripItem({
  id,
  index,
  top,
  current,
}: {
  id: SampleId;
  index: number;
  top: number;
  current: boolean;
}) {
  const sample = useSampleCache(() => getSummary(id));
  return (
    <div
      className={`strip__item${current ? ' is-current' : ''}`}
      style={{ top }}
      title={sample?.relPath}
      aria-current={current || undefined}
      onClick={() => goTo(index)}
      data-testid="strip-item"
      data-sample-id={id}
    >
      <ThumbImage id={id} fallback={sample?.error} />
      {sample && <StateDot state={sample.reviewState} title={reviewStateLabel[sample.reviewState]} />}
      {sample && <VerdictBadge verdict={sample.verdict} />}
    </div>
  );
});

/**
 * The images around this one, in the order D and A walk them (the review queue, else the grid's
 * filter), with their review state and verdict: where the reviewer is and what is left, at a
 * glance, without leaving the image. A click opens one.
 */
export function Filmstrip() {
  const reviewing = useReview((s) => s.active);
  const queue = useReview((s) => s.ids);
  const queueIndex = useReview((s) => s.index);
  const gridIds = useBrowser((s) => s.ids);
  const gridIndex = useBrowser((s) => s.selected);
  const generation = useSampleCache((s) => s.generation);
  const ids = reviewing ? queue : gridIds;
  const index = reviewing ? queueIndex : gridIndex;
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useSize(scroller);
  const { items, totalSize } = useFixedRows({
    scroller,
    rows: ids.length,
    rowHeight: ROW,
    height,
    pad: PAD,
    overscan: OVERSCAN,
    quantum: QUANTUM,
  });
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    const timer = setTimeout(() => {
      const rows = ids.slice(first, last + 1);
      if (!summariesCovered(rows)) void ensureSummaries(rows);
    }, FETCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ids, first, last, generation]);

  useEffect(() => {
    if (index >= 0) scrollRowIntoView(scroller.current, index, ROW, PAD);
  }, [index, height]);

  return (
    <nav
      className="strip"
      aria-label={reviewing ? 'Review queue' : 'Images of the filter'}
      data-testid="filmstrip"
    >
      <div className="strip__head" title={reviewing ? 'Review queue' : 'The grid’s filter'}>
        {reviewing ? 'Queue' : 'Filter'}{' '}
        <span className="muted">
          {formatCount(index + 1)}/{formatCount(ids.length)}
        </span>
      </div>
      <div ref={scroller} className="strip__scroller">
        <div className="strip__rows" style={{ height: totalSize }}>
          {items.map(({ index: i, start }) => {
            const id = ids[i];
            return id === undefined ? null : (
              <StripItem key={id} id={id} index={i} top={start} current={i === index} />
            );
          })}
        </div>
      </div>
    </nav>
  );
}
