import { describe, expect, it } from 'vitest';
import { reviewProjects } from './helpers';

const projects = reviewProjects();

describe('two writers on one image', () => {
  it('refuses a stale write from a second tab and keeps the first', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('NG');
    // Two browser tabs on one server: both loaded the same state.
    const tabA = await call('labels:get', { sampleId: id! });
    const tabB = await call('labels:get', { sampleId: id! });

    const saved = await edit(tabA, { type: 'setVerdict', verdict: 'OK' }, { author: 'tab A' });
    await expect(edit(tabB, { type: 'setVerdict', verdict: 'unsure' }, { author: 'tab B' })).rejects.toThrow(
      /CONFLICT .*another window changed this image \(it is at revision \d+, this edit was based on \d+\); nothing was saved/,
    );
    await expect(call('labels:undo', { sampleId: id!, baseRevision: tabB.revision })).rejects.toThrow(
      /CONFLICT/,
    );

    const newer = await call('labels:get', { sampleId: id! });
    expect(newer.revision).toBe(saved.revision);
    expect(newer.verdict).toBe('OK');
    const history = await call('labels:history', { sampleId: id! });
    expect(history.filter((h) => h.author === 'tab B')).toEqual([]);

    // Tab B, shown the newer state, can now save on top of it.
    const retried = await edit(newer, { type: 'setVerdict', verdict: 'unsure' }, { author: 'tab B' });
    expect(retried.verdict).toBe('unsure');
  });

  it('keeps two app instances on the same project file from overwriting each other', async () => {
    const desktop = await projects.open();
    const server = await projects.open(desktop.dir);
    const [id] = await desktop.ids('OK');
    const seenByDesktop = await desktop.call('labels:get', { sampleId: id! });
    const seenByServer = await server.call('labels:get', { sampleId: id! });

    const results = await Promise.allSettled([
      desktop.edit(seenByDesktop, { type: 'setText', level: 4, text: 'desktop' }),
      server.edit(seenByServer, { type: 'setText', level: 4, text: 'server' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.find((r) => r.status === 'fulfilled')!;
    const final = await server.call('labels:get', { sampleId: id! });
    expect(final.texts['4']).toBe(
      (winner as PromiseFulfilledResult<{ texts: Record<string, string> }>).value.texts['4'],
    );
  });
});
