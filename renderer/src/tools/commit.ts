import type { Shape } from '../../../electron/contract';
import { kindOf } from '../regions';
import type { Size } from '../regions/types';
import type { Selection, ToolCommand } from './types';

const nouns = { box: 'Box', polygon: 'Polygon', mask: 'Mask' } as const;

/** The shape as it will be stored, or the reason it cannot be, as a refusal naming the shape. */
function judged(shape: Shape, image: Size, verb: string): { ok: Shape } | { refuse: ToolCommand } {
  const kind = kindOf(shape);
  const draft = kind.toDraft(shape) as Shape;
  const problem = kind.problem(draft, image);
  if (problem)
    return { refuse: { kind: 'refuse', message: `${nouns[shape.kind]} not ${verb}: ${problem}.` } };
  return { ok: draft };
}

export function addCommand(shape: Shape, image: Size): ToolCommand {
  const result = judged(shape, image, 'added');
  return 'ok' in result ? { kind: 'add', shape: result.ok } : result.refuse;
}

export function updateCommand(target: Selection, shape: Shape, image: Size): ToolCommand {
  const result = judged(shape, image, 'changed');
  return 'ok' in result ? { kind: 'update', target, shape: result.ok } : result.refuse;
}
