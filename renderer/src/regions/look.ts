import type { Look } from './types';

export type RegionStyle = 'label' | 'prediction' | 'decided' | 'preview';

/** How a region of this style looks at this zoom; widths are given in screen pixels and divided by it. */
export function lookFor(style: RegionStyle, selected: boolean, color: string, scale: number): Look {
  const px = (n: number) => n / scale;
  const dashed = style === 'prediction' || style === 'decided';
  return {
    color,
    fillAlpha: style === 'label' ? (selected ? 0.32 : 0.22) : style === 'preview' ? 0.18 : 0,
    lineWidth: px(selected ? 2.5 : 1.5),
    dash: dashed ? [px(6), px(4)] : selected || style === 'preview' ? [px(4), px(3)] : null,
    alpha: style === 'decided' && !selected ? 0.4 : 1,
  };
}

/** The light halo under a selected outline, so it reads on any image. */
export function selectedHalo(scale: number): Look {
  return { color: '#ffffff', fillAlpha: 0, lineWidth: 5 / scale, dash: null, alpha: 0.55 };
}
