import { useMemo } from 'react';
import type { Shape } from '../../../electron/contract';
import { batchItem } from '../regions/batch';
import type { RegionStyle } from '../regions/look';
import { RegionBatch } from './RegionBatch';

export type { RegionStyle } from '../regions/look';

type Props = { shape: Shape; color: string; style: RegionStyle; selected: boolean };

/**
 * One region drawn by its kind's module: labels solid in the type colour, predictions dashed,
 * decided predictions faint, the selected one thicker over a light halo, a ring around it when
 * it is too small to see. Drawn from the stage scale at paint time, so zooming re-renders nothing.
 */
export function RegionShape({ shape, color, style, selected }: Props) {
  const items = useMemo(() => [batchItem(shape, color, style, selected)], [shape, color, style, selected]);
  return <RegionBatch items={items} />;
}
