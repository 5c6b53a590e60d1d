import type { LabelCommand, LabelState } from '../../../electron/contract/review';

const box = (x: number, y: number, w: number, h: number) => ({ kind: 'box' as const, x, y, w, h });

/**
 * The i-th edit of a reviewer-like mix on top of `state`: add a region, move it, retype it, write
 * an L4 text, change the verdict, delete the region — six kinds in turn.
 */
export function editAt(i: number, state: LabelState): LabelCommand {
  const own = state.regions.filter((r) => r.origin === 'human').at(-1);
  const step = i % 6;
  if (step === 0 || !own)
    return { type: 'addRegion', defectType: 'pitting', shape: box(10 + (i % 300), 10, 20, 20) };
  if (step === 1) return { type: 'updateRegion', regionId: own.id, shape: box(12 + (i % 300), 11, 22, 20) };
  if (step === 2)
    return { type: 'retypeRegion', regionId: own.id, defectType: i % 2 ? 'scratch' : 'pitting' };
  if (step === 3) return { type: 'setText', level: 4, text: `note ${i}` };
  if (step === 4) return { type: 'setVerdict', verdict: i % 2 ? 'NG' : 'unsure' };
  return { type: 'deleteRegion', regionId: own.id };
}
