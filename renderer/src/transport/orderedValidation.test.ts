import { describe, expect, it, vi } from 'vitest';
import type { AppEvent } from './types';
import { loadingChecksForJobs, orderedValidation } from './orderedValidation';

describe('event checks loaded after the first screen', () => {
  it('holds events until the checks are in, then passes the valid ones on in order', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: AppEvent[] = [];
    const receive = orderedValidation((event) => seen.push(event));
    receive('project:changed', { dir: '/a' });
    receive('no:such-event', {});
    receive('samples:changed', { reason: 42 });
    receive('samples:changed', { reason: 'import' });
    receive('project:changed', { dir: null });
    expect(seen).toEqual([]);
    await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 20_000 });
    expect(seen).toEqual([
      { name: 'project:changed', payload: { dir: '/a' } },
      { name: 'samples:changed', payload: { reason: 'import' } },
      { name: 'project:changed', payload: { dir: null } },
    ]);
  });

  it('goes on with the next events when a listener throws on one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    const receive = orderedValidation((event) => {
      if (event.name === 'samples:changed') throw new Error('listener failed');
      seen.push(event.name);
    });
    receive('samples:changed', { reason: 'import' });
    receive('project:changed', { dir: '/b' });
    await vi.waitFor(() => expect(seen).toEqual(['project:changed']), { timeout: 20_000 });
  });

  it('passes every call through, whether or not it starts a job', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    const wrapped = loadingChecksForJobs(invoke);
    expect(await wrapped('import:start', { x: 1 })).toEqual({ ok: true, value: 'done' });
    expect(await wrapped('samples:ids', {})).toEqual({ ok: true, value: 'done' });
    expect(invoke.mock.calls).toEqual([
      ['import:start', { x: 1 }],
      ['samples:ids', {}],
    ]);
  });
});
