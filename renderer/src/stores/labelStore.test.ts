import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabelState } from '../../../electron/contract/review';
import { labelState } from '../review/fixtures';

// The store talks to the core only through the transport's api(); a fake one plays the core here.
const calls: { method: string; input: Record<string, unknown> }[] = [];
let revision = 5;
let conflictOnce = false;
const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
const answer = (): LabelState => labelState({ revision });

vi.mock('../transport/current', () => ({
  api: () =>
    new Proxy(
      {},
      {
        get: (_t, method: string) => (input: Record<string, unknown>) => {
          calls.push({ method, input });
          if (method === 'labels:get') return ok(answer());
          if (conflictOnce) {
            conflictOnce = false;
            revision += 10;
            return Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'stale revision' } });
          }
          if (input.baseRevision !== revision)
            return Promise.resolve({ ok: false, error: { code: 'CONFLICT', message: 'stale' } });
          revision++;
          return ok(answer());
        },
      },
    ),
}));

const { useLabels, forgetLabels } = await import('./labelStore');
const { useToasts } = await import('./toastStore');

describe('label writes', () => {
  beforeEach(async () => {
    calls.length = 0;
    revision = 5;
    conflictOnce = false;
    forgetLabels();
    useToasts.setState({ toasts: [] });
    await useLabels.getState().load(1 as never);
  });

  it('queues fast edits, each on the revision the one before produced', async () => {
    const verdict = { type: 'setVerdict', verdict: 'NG' } as const;
    const results = await Promise.all([1, 2, 3].map(() => useLabels.getState().apply(() => verdict)));
    expect(results.map((r) => r?.revision)).toEqual([6, 7, 8]);
    expect(calls.filter((c) => c.method === 'labels:apply').map((c) => c.input.baseRevision)).toEqual([
      5, 6, 7,
    ]);
    expect(useLabels.getState().save).toBe('saved');
  });

  it('on a conflict says so, shows the newer state and drops the edits queued behind it', async () => {
    conflictOnce = true;
    const verdict = { type: 'setVerdict', verdict: 'NG' } as const;
    const [first, second] = await Promise.all([
      useLabels.getState().apply(() => verdict),
      useLabels.getState().apply(() => verdict),
    ]);
    expect([first, second]).toEqual([null, null]);
    expect(useLabels.getState().state?.revision).toBe(15);
    expect(useLabels.getState().save).toBe('failed');
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual([
      'Changed in another window — showing the newer state',
    ]);
    expect(calls.filter((c) => c.method === 'labels:apply')).toHaveLength(1);
  });

  it('re-reads the label when another window wrote a newer revision, not for its own', async () => {
    const reads = () => calls.filter((c) => c.method === 'labels:get').length;
    const before = reads();
    useLabels.getState().changed(1 as never, 5);
    await new Promise((r) => setTimeout(r, 0));
    expect(reads()).toBe(before);
    revision = 9;
    useLabels.getState().changed(1 as never, 9);
    await vi.waitFor(() => expect(useLabels.getState().state?.revision).toBe(9));
  });
});
