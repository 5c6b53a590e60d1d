import type { LabelRegion } from '../../../electron/contract/review';
import { withKey } from '../keys/hint';
import { defectColor } from '../lib/colors';
import { useRowInView } from '../lib/useRowInView';
import { sizeText } from '../regions';
import { useTaxonomy } from '../stores/taxonomyStore';
import { useTool } from '../stores/toolStore';
import { useViewer } from '../stores/viewerStore';
import type { Selection } from '../tools/types';
import { toggleMissed } from '../viewer/reviewActions';
import { keepFocus } from './VerdictBar';

type Props = { regions: LabelRegion[]; onPick(selection: Selection): void; reviewing: boolean };

const originText = (r: LabelRegion) =>
  r.reviewOutcome === 'missed' ? 'missed' : r.reviewOutcome ? r.reviewOutcome.replace('_', ' ') : r.origin;

/** The label's own regions (drawn, imported, missed by the model), and "+ missed" to add one. */
export function OwnRegionList({ regions, onPick, reviewing }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  const selection = useViewer((s) => s.selection);
  const missed = useTool((s) => s.missed);
  const list = useRowInView<HTMLUListElement>(
    selection?.kind === 'region' ? regions.findIndex((r) => r.id === selection.id) : -1,
  );
  return (
    <section className="panel-section" aria-label="Labelled regions" data-testid="region-list">
      <h2 className="section-title">
        {reviewing ? 'Other regions' : 'Regions'} <span className="muted">{regions.length}</span>
        <button
          type="button"
          className={`btn btn--small section-title__action${missed ? ' is-on' : ''}`}
          onMouseDown={keepFocus}
          onClick={toggleMissed}
          aria-pressed={missed}
          title={withKey('Add a defect the model missed: draw it next', 'missed')}
          data-testid="add-missed"
        >
          + missed
        </button>
      </h2>
      {regions.length === 0 && (
        <p className="muted">{missed ? 'Draw the missed defect on the image.' : 'No region of its own.'}</p>
      )}
      <ul className="regions regions--bounded" ref={list}>
        {regions.map((region, i) => {
          const selected = selection?.kind === 'region' && selection.id === region.id;
          return (
            <li key={region.id}>
              <button
                type="button"
                className={`region${selected ? ' is-selected' : ''}`}
                onMouseDown={keepFocus}
                onClick={() => onPick({ kind: 'region', id: region.id })}
                title="Select (Tab); Z zooms to it"
                data-testid="region-item"
                data-region-id={region.id}
              >
                <span
                  className="chip-swatch"
                  style={{ background: defectColor(colors, region.defectType) }}
                  aria-hidden
                />
                <span className="region__name">
                  r{i + 1} {region.defectType ?? 'untyped'}
                </span>
                <span className={`region__kind is-${region.reviewOutcome ?? region.origin}`}>
                  {originText(region)}
                </span>
                <span className="region__size">
                  {region.shape.kind} · {sizeText(region.shape)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
