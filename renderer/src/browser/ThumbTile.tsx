import { memo, useState } from 'react';
import type { SampleId } from '../../../electron/contract';
import { defectColor, reviewStateLabel } from '../lib/colors';
import { getSummary, useSampleCache } from '../stores/sampleCache';
import { useTaxonomy } from '../stores/taxonomyStore';
import { StateDot } from './StateDot';
import { trackThumb } from './thumbLoads';
import { useThumb } from './thumbSource';
import { VerdictBadge } from './VerdictBadge';

type Props = {
  id: SampleId;
  index: number;
  selected: boolean;
  onSelect(index: number): void;
  onOpen(index: number): void;
};

const MAX_CHIPS = 2;

/** A tile scrolled past before its image decoded no longer holds back the grid's later lists. */
function thumbRef(img: HTMLImageElement | null): (() => void) | undefined {
  if (!img) return undefined;
  const untrack = trackThumb(img);
  // After the commit: only a tile really gone is out of the document (Strict Mode's rehearsal
  // of an unmount leaves it in place, and its image must keep counting).
  return () =>
    queueMicrotask(() => {
      if (!img.isConnected) untrack?.();
    });
}

export const ThumbTile = memo(function ThumbTile({ id, index, selected, onSelect, onOpen }: Props) {
  // Re-renders only when this tile's own row arrives or changes, not when any page lands.
  const sample = useSampleCache(() => getSummary(id));
  const colors = useTaxonomy((s) => s.colors);
  const thumb = useThumb(id);
  const [broken, setBroken] = useState(false);
  const url = thumb && 'url' in thumb ? thumb.url : null;
  const missing = thumb && 'error' in thumb ? thumb.error : broken ? 'the thumbnail does not decode' : null;
  const types = sample?.defectTypes ?? [];
  return (
    <div
      role="gridcell"
      aria-selected={selected}
      className={`tile${selected ? ' is-selected' : ''}`}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={() => onOpen(index)}
      data-testid="thumb-tile"
      data-sample-id={id}
      title={sample?.relPath}
    >
      <div className="tile__image">
        {missing !== null ? (
          <span className="tile__noimg" title={missing}>
            {sample?.error ?? 'no preview'}
          </span>
        ) : (
          url && (
            <img
              ref={thumbRef}
              src={url}
              alt=""
              decoding="async"
              draggable={false}
              onError={() => setBroken(true)}
            />
          )
        )}
        {sample && <StateDot state={sample.reviewState} title={reviewStateLabel[sample.reviewState]} />}
        {sample && <VerdictBadge verdict={sample.verdict} />}
      </div>
      <div className="tile__caption">
        <span className="tile__name">{sample?.fileName ?? '…'}</span>
        <span className="tile__chips" title={types.join(', ')}>
          {types.length <= MAX_CHIPS
            ? types.map((t) => (
                <span key={t} className="chip">
                  <span className="chip-swatch" style={{ background: defectColor(colors, t) }} aria-hidden />
                  {t}
                </span>
              ))
            : // Many types do not fit as named chips: their colours, and how many.
              [
                ...types.map((t) => (
                  <span
                    key={t}
                    className="chip-swatch"
                    style={{ background: defectColor(colors, t) }}
                    aria-hidden
                  />
                )),
                <span key="count" className="tile__types">
                  {types.length} types
                </span>,
              ]}
        </span>
      </div>
    </div>
  );
});
