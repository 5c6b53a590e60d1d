import { memo, useMemo } from 'react';
import { Layer } from 'react-konva';
import type { LabelState } from '../../../electron/contract/review';
import { defectColor } from '../lib/colors';
import { batchItem } from '../regions/batch';
import { reviewOf } from '../review/reviewModel';
import { useOverlay } from '../stores/overlayStore';
import { useTaxonomy } from '../stores/taxonomyStore';
import { HeatmapImage } from './HeatmapImage';
import { RegionBatch } from './RegionBatch';
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
  const items = useMemo(() => {
    const prediction = audit ? null : (state?.prediction ?? null);
    if (!state || !prediction) return [];
    const emphasised = (id: number) => id === selected || (highlight?.includes(id) ?? false);
    return prediction.regions
      .filter((p) => p.id !== hidden)
      .map((p) =>
        batchItem(
          p.shape,
          defectColor(colors, p.defectType),
          reviewOf(state, p.id) ? 'decided' : 'prediction',
          emphasised(p.id),
        ),
      );
  }, [state, audit, colors, highlight, selected, hidden]);
  return (
    <Layer listening={false} imageSmoothingEnabled={false}>
      {heatmap && image && !audit && (
        <HeatmapImage source={heatmap} width={image.width} height={image.height} />
      )}
      <RegionBatch items={items} />
    </Layer>
  );
});
