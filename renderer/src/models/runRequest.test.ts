import { describe, expect, it } from 'vitest';
import { InferenceStart, asPackId } from '../../../electron/contract/api-inference';
import { asSampleId } from '../../../electron/contract/ids';
import { runRequest, scopeAvailable, type RunChoice } from './runRequest';

const packId = asPackId('pack:3');
const choice = (patch: Partial<RunChoice> = {}): RunChoice => ({
  packId,
  scope: 'project',
  provider: 'auto',
  force: false,
  ...patch,
});
const nothing = { selected: [], filter: {} };
const chosen = { selected: [asSampleId(7)], filter: { verdicts: ['NG' as const] } };

describe('turning the dialog’s choice into an inference run', () => {
  it('runs the whole project with neither ids nor filter, letting the engine pick the provider', () => {
    const request = runRequest(choice(), chosen);
    expect(request).toEqual({ ok: true, input: { packId, force: false } });
    // What the dialog sends is what the contract accepts.
    if (request.ok) expect(InferenceStart.safeParse(request.input).success).toBe(true);
  });

  it('runs exactly the selected image, on the provider asked for, forced', () => {
    const request = runRequest(choice({ scope: 'selection', provider: 'cpu', force: true }), chosen);
    expect(request).toEqual({
      ok: true,
      input: { packId, force: true, providers: ['cpu'], sampleIds: [7] },
    });
    if (request.ok) expect(InferenceStart.safeParse(request.input).success).toBe(true);
  });

  it('runs the grid’s filter as it was when the dialog opened', () => {
    const request = runRequest(choice({ scope: 'filter', provider: 'cuda' }), chosen);
    expect(request).toEqual({
      ok: true,
      input: { packId, force: false, providers: ['cuda'], filter: { verdicts: ['NG'] } },
    });
    if (request.ok) expect(InferenceStart.safeParse(request.input).success).toBe(true);
  });

  it('says why a selection or filter run cannot start when there is none, instead of running everything', () => {
    expect(runRequest(choice({ scope: 'selection' }), nothing)).toEqual({
      ok: false,
      reason: 'No image is selected in the grid',
    });
    expect(runRequest(choice({ scope: 'filter' }), nothing)).toEqual({
      ok: false,
      reason: 'No filter is set in the grid',
    });
    expect(['selection', 'filter', 'project'].map((s) => scopeAvailable(s as never, nothing))).toEqual([
      false,
      false,
      true,
    ]);
  });
});
