import { memo, useMemo } from 'react';
import { Layer } from 'react-konva';
import type { LabelRegion } from '../../../electron/contract/review';
import { defectColor } from '../lib/colors';
import { batchItem } from '../regions/batch';
import { useTaxonomy } from '../stores/taxonomyStore';
import { RegionBatch } from './RegionBatch';

type Props = {
  regions: LabelRegion[];
  visible: boolean;
  /** The selected label region (a judged prediction selects the region it became). */
  selected: number | null;
  /** A region being moved or reshaped is drawn by the UI layer instead. */
  hidden: number | null;
};

/**
 * The label: human truth, solid in each defect type's colour, all regions in one batched node
 * (the selected one drawn last, so no neighbour hides its outline). Hit testing is the tools' own.
 */
export const LabelsLayer = memo(function LabelsLayer({ regions, visible, selected, hidden }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  const items = useMemo(
    () =>
      regions
        .filter((r) => r.id !== hidden)
        .map((r) => batchItem(r.shape, defectColor(colors, r.defectType), 'label', r.id === selected)),
    [regions, colors, selected, hidden],
  );
  return (
    <Layer listening={false} visible={visible} imageSmoothingEnabled={false}>
      <RegionBatch items={items} />
    </Layer>
  );
});
