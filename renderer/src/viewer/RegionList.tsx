import type { Region, RegionId } from '../../../electron/contract';
import { defectColor } from '../lib/colors';
import { useTaxonomy } from '../stores/taxonomyStore';
import { sizeText } from './regionGeometry';

type Props = { regions: Region[]; selected: RegionId | null; onPick(region: Region): void };

export function RegionList({ regions, selected, onPick }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  return (
    <section className="panel-section" aria-label="Regions" data-testid="region-list">
      <h2 className="section-title">
        Regions <span className="muted">{regions.length}</span>
      </h2>
      {regions.length === 0 && <p className="muted">No labelled region on this image.</p>}
      <ul className="regions">
        {regions.map((region, i) => (
          <li key={region.id}>
            <button
              type="button"
              className={`region${region.id === selected ? ' is-selected' : ''}`}
              onClick={() => onPick(region)}
              title="Select and zoom to this region (Tab, Z)"
              data-testid="region-item"
            >
              <span
                className="chip-swatch"
                style={{ background: defectColor(colors, region.defectType) }}
                aria-hidden
              />
              <span className="region__name">
                r{i + 1} {region.defectType ?? 'untyped'}
              </span>
              <span className="region__kind">{region.shape.kind}</span>
              <span className="region__size">{sizeText(region.shape)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
