import { memo } from 'react';
import { Layer } from 'react-konva';
import type { LabelRegion } from '../../../electron/contract/review';
import { defectColor } from '../lib/colors';
import { useTaxonomy } from '../stores/taxonomyStore';
import { RegionShape } from './RegionShape';

type Props = {
  regions: LabelRegion[];
  visible: boolean;
  /** The selected label region (a judged prediction selects the region it became). */
  selected: number | null;
  /** A region being moved or reshaped is drawn by the UI layer instead. */
  hidden: number | null;
};

/** The label: human truth, solid in each defect type's colour. Hit testing is the tools' own. */
export const LabelsLayer = memo(function LabelsLayer({ regions, visible, selected, hidden }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  // The selected region is drawn last so its outline is never hidden under a neighbour.
  const ordered = regions
    .filter((r) => r.id !== hidden)
    .sort((a, b) => Number(a.id === selected) - Number(b.id === selected));
  return (
    <Layer listening={false} visible={visible} imageSmoothingEnabled={false}>
      {ordered.map((region) => (
        <RegionShape
          key={region.id}
          shape={region.shape}
          color={defectColor(colors, region.defectType)}
          style="label"
          selected={region.id === selected}
        />
      ))}
    </Layer>
  );
});
