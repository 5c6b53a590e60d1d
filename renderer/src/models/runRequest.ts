import type { Input, SampleFilter, SampleId } from '../../../electron/contract';
import type { ExecutionProvider, PackId } from '../../../electron/contract/api-inference';

/** Which images a run covers, as the user picked them in the dialog. */
export type RunScope = 'selection' | 'filter' | 'project';

/** "auto": let the engine pick (the platform's GPU path, then CPU). */
export type ProviderChoice = ExecutionProvider | 'auto';

export type RunChoice = {
  packId: PackId;
  scope: RunScope;
  provider: ProviderChoice;
  force: boolean;
};

/** What the browser offers as "selection" and "filter" when the dialog opens. */
export type RunContext = { selected: SampleId[]; filter: SampleFilter };

export type RunRequest = { ok: true; input: Input<'inference:start'> } | { ok: false; reason: string };

const hasFilter = (filter: SampleFilter) => Object.keys(filter).length > 0;

/** Turns the dialog's choice into an `inference:start` input, or says why it cannot run. */
export function runRequest(choice: RunChoice, context: RunContext): RunRequest {
  const base: Input<'inference:start'> = { packId: choice.packId, force: choice.force };
  if (choice.provider !== 'auto') base.providers = [choice.provider];
  if (choice.scope === 'selection') {
    if (context.selected.length === 0) return { ok: false, reason: 'No image is selected in the grid' };
    return { ok: true, input: { ...base, sampleIds: context.selected } };
  }
  if (choice.scope === 'filter') {
    if (!hasFilter(context.filter)) return { ok: false, reason: 'No filter is set in the grid' };
    return { ok: true, input: { ...base, filter: context.filter } };
  }
  return { ok: true, input: base };
}

export function scopeAvailable(scope: RunScope, context: RunContext): boolean {
  if (scope === 'selection') return context.selected.length > 0;
  if (scope === 'filter') return hasFilter(context.filter);
  return true;
}
