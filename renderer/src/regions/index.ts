import type { Shape } from '../../../electron/contract';
import { box } from './box';
import { mask } from './mask';
import { polygon } from './polygon';
import type { RegionKind } from './types';

const kinds = { box, polygon, mask } as const;

/** The module that knows this shape's kind; every caller goes through it, never through a switch. */
export function kindOf<S extends Shape>(shape: S): RegionKind<S> {
  return kinds[shape.kind] as unknown as RegionKind<S>;
}

export const shapeBounds = (shape: Shape) => kindOf(shape).bounds(shape);
export const shapeArea = (shape: Shape) => kindOf(shape).area(shape);

/** "38×21 px · 511 px²": the bounding size a reviewer compares against the defect book. */
export function sizeText(shape: Shape): string {
  const b = shapeBounds(shape);
  return `${Math.round(b.w)}×${Math.round(b.h)} px · ${Math.round(shapeArea(shape))} px²`;
}

export type { DrawContext, Look, Pt, Rect, RegionKind, Size } from './types';
