import { memo } from 'react';
import type { SampleId } from '../../../electron/contract';
import { defectColor, reviewStateLabel } from '../lib/colors';
import { fileCaption } from '../lib/fileCaption';
import { splitName } from '../lib/nameSplit';
import { getSummary, useSampleCache } from '../stores/sampleCache';
import { useTaxonomy } from '../stores/taxonomyStore';
import { StateDot } from './StateDot';
import { ThumbImage } from './ThumbImage';
import { VerdictBadge } from './VerdictBadge';

type Props = {
  id: SampleId;
  index: number;
  selected: boolean;
  onSelect(index: number): void;
  onOpen(index: number): void;
};

const MAX_CHIPS = 2;

/** The caption cut in the middle when the tile is too narrow for it (lib/nameSplit.ts). */
function TileName({ caption }: { caption: string }) {
  const { head, tail } = splitName(caption);
  return (
    <span className="tile__name">
      <span className="tile__name-head">{head}</span>
      {tail && <span className="tile__name-tail">{tail}</span>}
    </span>
  );
}

export const ThumbTile = memo(function ThumbTile({ id, index, selected, onSelect, onOpen }: Props) {
  // Re-renders only when this tile's own row arrives or changes, not when any page lands.
  const sample = useSampleCache(() => getSummary(id));
  const colors = useTaxonomy((s) => s.colors);
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
        <ThumbImage id={id} fallback={sample?.error} />
        {sample && <StateDot state={sample.reviewState} title={reviewStateLabel[sample.reviewState]} />}
        {sample && <VerdictBadge verdict={sample.verdict} />}
      </div>
      <div className="tile__caption">
        <TileName caption={sample ? fileCaption(sample.fileName, sample.relPath) : '…'} />
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
