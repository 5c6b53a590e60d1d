import { describe, expect, it } from 'vitest';
import type { LabelCommand, LabelState } from '../../../electron/contract/review';
import { box, predictionsFile, relPathOf, reviewProjects, type Call } from './helpers';

const projects = reviewProjects();

/** What a person sees of a label (no revision numbers). */
const content = (s: LabelState) => ({
  verdict: s.verdict,
  reviewState: s.reviewState,
  split: s.split,
  texts: s.texts,
  regions: s.regions,
  predictionReviews: s.predictionReviews,
});

const undo = (call: Call, s: LabelState) =>
  call('labels:undo', { sampleId: s.sampleId, baseRevision: s.revision });
const redo = (call: Call, s: LabelState) =>
  call('labels:redo', { sampleId: s.sampleId, baseRevision: s.revision });

describe('undo, redo and restore on the revision log', () => {
  it('undoes and redoes ten edits after the project was closed and reopened', async () => {
    const first = await projects.open();
    const [id] = await first.ids('OK');
    let state = await first.call('labels:get', { sampleId: id! });
    const states = [content(state)];
    const commands: LabelCommand[] = [
      { type: 'setVerdict', verdict: 'NG' },
      { type: 'addRegion', defectType: 'pitting', shape: box(10, 10, 20, 20) },
      { type: 'setText', level: 4, text: 'a pit' },
      {
        type: 'addRegion',
        defectType: 'scratch',
        shape: { kind: 'mask', x: 5, y: 5, w: 4, h: 2, rle: [1, 3, 2, 2] },
      },
      { type: 'setVerdict', verdict: 'unsure' },
      { type: 'setSplit', split: 'test' },
      { type: 'setText', level: 5, text: 'cause unknown' },
      { type: 'setVerdict', verdict: 'NG' },
      {
        type: 'addRegion',
        defectType: null,
        shape: {
          kind: 'polygon',
          points: [
            [50, 50],
            [90, 52],
            [70, 80],
          ],
        },
      },
      { type: 'setText', level: 4, text: 'a pit and a scratch' },
    ];
    for (const command of commands) {
      state = await first.edit(state, command);
      states.push(content(state));
    }
    // A retype and a redraw of the first region, so regions change in place too.
    const pit = state.regions.find((r) => r.defectType === 'pitting')!;
    state = await first.edit(state, { type: 'retypeRegion', regionId: pit.id, defectType: 'dent' });
    states.push(content(state));
    state = await first.edit(state, { type: 'updateRegion', regionId: pit.id, shape: box(11, 11, 25, 25) });
    states.push(content(state));
    await first.core.close();

    const second = await projects.open(first.dir);
    state = await second.call('labels:get', { sampleId: id! });
    expect(content(state)).toEqual(states.at(-1));
    for (let i = states.length - 2; i >= 0; i--) {
      expect(state.canUndo).toBe(true);
      state = await undo(second.call, state);
      expect(content(state)).toEqual(states[i]);
    }
    expect(state.canUndo).toBe(false);
    expect(state.reviewState).toBe('unreviewed');
    await expect(undo(second.call, state)).rejects.toThrow(/nothing to undo/);
    await second.core.close();

    const third = await projects.open(first.dir);
    state = await third.call('labels:get', { sampleId: id! });
    for (let i = 1; i < states.length; i++) {
      expect(state.canRedo).toBe(true);
      state = await redo(third.call, state);
      expect(content(state)).toEqual(states[i]);
    }
    expect(state.canRedo).toBe(false);
  });

  it('drops the redo chain when a new edit is made', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('NG');
    let state = await call('labels:get', { sampleId: id! });
    state = await edit(state, { type: 'setText', level: 4, text: 'one' });
    state = await edit(state, { type: 'setText', level: 4, text: 'two' });
    state = await undo(call, state);
    expect(state.canRedo).toBe(true);
    state = await edit(state, { type: 'setText', level: 4, text: 'three' });
    expect(state.canRedo).toBe(false);
    await expect(redo(call, state)).rejects.toThrow(/nothing to redo/);
    state = await undo(call, state);
    expect(state.texts['4']).toBe('one');
  });

  it('undoes a confirmed prediction back to an unreviewed image', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    const file = predictionsFile([
      {
        image: await relPathOf(call, id!),
        score: 0.9,
        regions: [{ defectType: 'pitting', score: 0.9, shape: box(5, 5, 9, 9) }],
      },
    ]);
    await call('predictions:import', { file });
    const before = await call('labels:get', { sampleId: id! });
    let state = await edit(before, {
      type: 'reviewPrediction',
      predictionRegionId: before.prediction!.regions[0]!.id,
      outcome: 'confirmed',
    });
    state = await undo(call, state);
    expect(content(state)).toEqual(content(before));
    const [summary] = await call('samples:page', { ids: [id!] });
    expect(summary).toMatchObject({ reviewState: 'unreviewed', verdict: 'OK' });
  });

  it('restores an earlier revision as a new revision that can itself be undone', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('NG');
    const original = await call('labels:get', { sampleId: id! });
    let state = await edit(original, { type: 'setVerdict', verdict: 'OK' });
    const afterVerdict = state;
    for (const region of original.regions)
      state = await edit(state, { type: 'deleteRegion', regionId: region.id });
    state = await edit(state, { type: 'setText', level: 4, text: 'no defect after all' });
    state = await undo(call, state);
    expect(state.regions).toEqual([]);

    const restored = await call('labels:restore', {
      sampleId: id!,
      revisionId: afterVerdict.revision,
      baseRevision: state.revision,
    });
    expect(restored.regions).toEqual(original.regions);
    expect(restored.verdict).toBe('OK');
    expect(restored.texts).toEqual({});

    const history = await call('labels:history', { sampleId: id! });
    expect(history[0]).toMatchObject({ action: 'label:restore', undone: false });
    expect(history[0]!.summary).toBe(`restored the state after revision ${afterVerdict.revision}`);
    expect(history.find((h) => h.action === 'label:setText')).toMatchObject({ undone: true });
    expect(history.at(-1)).toMatchObject({ action: 'import', author: 'import' });
    expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => b - a));

    const undone = await undo(call, restored);
    expect(undone.regions).toEqual([]);
    expect(undone.verdict).toBe('OK');
  });

  it('refuses to restore a revision of another image', async () => {
    const { call, ids } = await projects.open();
    const [a, b] = await ids('NG');
    const stateA = await call('labels:get', { sampleId: a! });
    const stateB = await call('labels:get', { sampleId: b! });
    await expect(
      call('labels:restore', { sampleId: a!, revisionId: stateB.revision, baseRevision: stateA.revision }),
    ).rejects.toThrow(/NOT_FOUND .*revision \d+ is not in this image's history/);
  });
});
