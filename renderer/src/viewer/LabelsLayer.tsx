import { Layer } from 'react-konva';
import type { Region, RegionId } from '../../../electron/contract';
import { defectColor } from '../lib/colors';
import { useTaxonomy } from '../stores/taxonomyStore';
import { RegionShape } from './RegionShape';

type Props = { regions: Region[]; visible: boolean; selected: RegionId | null };

/** Ground-truth regions. Not listening yet: nothing is edited here until the drawing tools arrive. */
export function LabelsLayer({ regions, visible, selected }: Props) {
  const colors = useTaxonomy((s) => s.colors);
  // The selected region is drawn last so its outline is never hidden under a neighbour.
  const ordered = [...regions].sort((a, b) => Number(a.id === selected) - Number(b.id === selected));
  return (
    <Layer listening={false} visible={visible} imageSmoothingEnabled={false}>
      {ordered.map((region) => (
        <RegionShape
          key={region.id}
          region={region}
          color={defectColor(colors, region.defectType)}
          selected={region.id === selected}
        />
      ))}
    </Layer>
  );
}
