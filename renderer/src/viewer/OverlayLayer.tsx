import { memo } from 'react';
import { Layer } from 'react-konva';
import type { LabelState } from '../../../electron/contract/review';
import { defectColor } from '../lib/colors';
import { reviewOf } from '../review/reviewModel';
import { useOverlay } from '../stores/overlayStore';
import { useTaxonomy } from '../stores/taxonomyStore';
import { HeatmapImage } from './HeatmapImage';
import { RegionShape } from './RegionShape';
import type { HeatmapSource } from './useHeatmap';

type Props = {
  state: LabelState | null;
  /** Blind audit: nothing of the model is drawn. */
  audit: boolean;
  heatmap: HeatmapSource | null;
  image: { width: number; height: number } | null;
  selected: number | null;
  hidden: number | null;
};

/** The model's layer: its heatmap, and its predicted regions dashed (faint once decided). */
export const OverlayLayer = memo(function OverlayLayer({
  state,
  audit,
  heatmap,
  image,
  selected,
  hidden,
}: Props) {
  const colors = useTaxonomy((s) => s.colors);
  const highlight = useOverlay((s) => s.highlight);
  const emphasised = (id: number) => id === selected || (highlight?.includes(id) ?? false);
  const prediction = audit ? null : (state?.prediction ?? null);
  const regions = (prediction?.regions ?? []).filter((p) => p.id !== hidden);
  const ordered = regions.sort((a, b) => Number(emphasised(a.id)) - Number(emphasised(b.id)));
  return (
    <Layer listening={false} imageSmoothingEnabled={false}>
      {heatmap && image && !audit && (
        <HeatmapImage source={heatmap} width={image.width} height={image.height} />
      )}
      {state &&
        ordered.map((p) => (
          <RegionShape
            key={p.id}
            shape={p.shape}
            color={defectColor(colors, p.defectType)}
            style={reviewOf(state, p.id) ? 'decided' : 'prediction'}
            selected={emphasised(p.id)}
          />
        ))}
    </Layer>
  );
});
