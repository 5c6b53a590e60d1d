import { describe, expect, it } from 'vitest';
import { box, predictionsFile, relPathOf, reviewProjects } from './helpers';

const projects = reviewProjects();

describe('editing and reviewing one image', () => {
  it('confirms a correct prediction with one call and records who, when and which prediction', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    const file = predictionsFile([
      {
        image: await relPathOf(call, id!),
        score: 0.93,
        regions: [{ defectType: 'pitting', score: 0.88, shape: box(100, 50, 40, 30) }],
        texts: { '1': 'Yes, there is an anomaly.', '4': 'A dark pit.' },
      },
    ]);
    expect((await call('predictions:import', { file })).imported).toBe(1);

    const before = await call('labels:get', { sampleId: id! });
    expect(before.reviewState).toBe('unreviewed');
    const prediction = before.prediction!;
    expect(prediction).toMatchObject({
      score: 0.93,
      verdict: 'NG',
      modelPack: { name: 'test-model', version: '1' },
    });
    expect(prediction.texts).toEqual({ '1': 'Yes, there is an anomaly.', '4': 'A dark pit.' });
    const predicted = prediction.regions[0]!;

    const startedAt = Date.now();
    const after = await edit(
      before,
      { type: 'reviewPrediction', predictionRegionId: predicted.id, outcome: 'confirmed' },
      { author: 'anna' },
    );
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(after.verdict).toBe('NG');
    expect(after.reviewState).toBe('ng');
    expect(after.regions).toContainEqual({
      id: expect.any(Number),
      defectType: 'pitting',
      shape: box(100, 50, 40, 30),
      origin: 'human',
      reviewOutcome: 'confirmed',
      predictionRegionId: predicted.id,
    });
    expect(after.predictionReviews).toEqual([
      { predictionRegionId: predicted.id, outcome: 'confirmed', regionId: expect.any(Number) },
    ]);

    const [latest] = await call('labels:history', { sampleId: id! });
    expect(latest).toMatchObject({
      id: after.revision,
      author: 'anna',
      action: 'label:reviewPrediction',
      predictionId: prediction.id,
      undone: false,
    });
    expect(latest!.summary).toMatch(/confirmed predicted region \d+ \(pitting\); verdict OK → NG/);
    expect(Date.parse(latest!.at)).toBeGreaterThanOrEqual(startedAt - 1000);
  });

  it('marks a false positive without adding a region and counts the image as corrected', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    const file = predictionsFile([
      {
        image: await relPathOf(call, id!),
        score: 0.7,
        regions: [{ defectType: 'pitting', score: 0.6, shape: box(1, 1, 5, 5) }],
      },
    ]);
    await call('predictions:import', { file });
    let state = await call('labels:get', { sampleId: id! });
    const regionsBefore = state.regions.length;
    const predicted = state.prediction!.regions[0]!;
    state = await edit(state, {
      type: 'reviewPrediction',
      predictionRegionId: predicted.id,
      outcome: 'false_positive',
    });
    state = await edit(state, { type: 'setVerdict', verdict: 'OK' });
    expect(state.regions).toHaveLength(regionsBefore);
    expect(state.predictionReviews).toEqual([
      { predictionRegionId: predicted.id, outcome: 'false_positive', regionId: null },
    ]);
    expect(state.reviewState).toBe('corrected');
    const [summary] = await call('samples:page', { ids: [id!] });
    expect(summary!.reviewState).toBe('corrected');
  });

  it('retypes and redraws a predicted region, then draws a missed defect of a new type', async () => {
    const { call, ids, edit } = await projects.open();
    const [id] = await ids('OK');
    const file = predictionsFile([
      {
        image: await relPathOf(call, id!),
        score: 0.8,
        regions: [
          { defectType: 'pitting', score: 0.7, shape: box(10, 10, 20, 20) },
          { defectType: 'pitting', score: 0.6, shape: box(200, 10, 20, 20) },
        ],
      },
    ]);
    await call('predictions:import', { file });
    let state = await call('labels:get', { sampleId: id! });
    const [first, second] = state.prediction!.regions;
    state = await edit(state, {
      type: 'reviewPrediction',
      predictionRegionId: first!.id,
      outcome: 'retyped',
      defectType: 'scratch',
    });
    const triangle = {
      kind: 'polygon' as const,
      points: [
        [200, 10],
        [230, 12],
        [210, 40],
      ] as [number, number][],
    };
    state = await edit(state, {
      type: 'reviewPrediction',
      predictionRegionId: second!.id,
      outcome: 'redrawn',
      shape: triangle,
    });
    state = await edit(state, {
      type: 'addRegion',
      defectType: 'rust stain',
      shape: box(500, 300, 30, 30),
      missed: true,
    });

    const outcomes = Object.fromEntries(state.regions.map((r) => [r.reviewOutcome ?? 'none', r]));
    expect(outcomes.retyped).toMatchObject({ defectType: 'scratch', shape: box(10, 10, 20, 20) });
    expect(outcomes.redrawn).toMatchObject({ defectType: 'pitting', shape: triangle });
    expect(outcomes.missed).toMatchObject({ defectType: 'rust stain', predictionRegionId: null });
    expect(state.reviewState).toBe('corrected');
    const taxonomy = await call('taxonomy:get', {});
    expect(taxonomy.defectTypes.map((t) => t.name)).toEqual(
      expect.arrayContaining(['scratch', 'rust stain']),
    );
    const facets = await call('samples:facets', { filter: { defectTypes: ['rust stain'] } });
    expect(facets.total).toBe(1);
  });

  it('draws, moves, retypes and deletes a region on an image without predictions', async () => {
    const { ids, edit, call } = await projects.open();
    const [id] = await ids('OK');
    let state = await call('labels:get', { sampleId: id! });
    expect(state.prediction).toBeNull();
    state = await edit(state, { type: 'addRegion', defectType: null, shape: box(10, 10, 30, 30) });
    const drawn = state.regions.at(-1)!;
    expect(drawn).toMatchObject({ origin: 'human', reviewOutcome: null, defectType: null });
    state = await edit(state, { type: 'updateRegion', regionId: drawn.id, shape: box(12, 14, 30, 30) });
    state = await edit(state, { type: 'retypeRegion', regionId: drawn.id, defectType: 'pitting' });
    expect(state.regions.find((r) => r.id === drawn.id)).toMatchObject({
      shape: box(12, 14, 30, 30),
      defectType: 'pitting',
    });
    expect(state.verdict).toBe('NG');
    state = await edit(state, { type: 'deleteRegion', regionId: drawn.id });
    expect(state.regions.find((r) => r.id === drawn.id)).toBeUndefined();
    const detail = await call('samples:get', { id: id! });
    expect(detail.regions.map((r) => r.id)).not.toContain(drawn.id);
  });

  it('writes the description and reasoning texts and the split, and clears a text', async () => {
    const { ids, edit, call } = await projects.open();
    const [id] = await ids('NG');
    let state = await call('labels:get', { sampleId: id! });
    state = await edit(state, { type: 'setText', level: 4, text: 'Two pits near the thread, 3 px wide.' });
    state = await edit(state, { type: 'setText', level: 5, text: 'Corrosion; replace the screw.' });
    state = await edit(state, { type: 'setSplit', split: 'val' });
    expect(state.texts).toEqual({
      '4': 'Two pits near the thread, 3 px wide.',
      '5': 'Corrosion; replace the screw.',
    });
    expect(state.split).toBe('val');
    state = await edit(state, { type: 'setText', level: 4, text: '' });
    expect(state.texts).toEqual({ '5': 'Corrosion; replace the screw.' });
    expect((await call('samples:get', { id: id! })).split).toBe('val');
  });

  it('tells every window after each committed edit, and only then', async () => {
    const { ids, edit, call, events } = await projects.open();
    const [id] = await ids('NG');
    const state = await call('labels:get', { sampleId: id! });
    events.length = 0;
    const next = await edit(state, { type: 'setVerdict', verdict: 'NG' });
    expect(events).toEqual([
      { name: 'labels:changed', payload: { sampleId: id, revision: next.revision } },
      { name: 'samples:changed', payload: { reason: 'labels' } },
    ]);
    events.length = 0;
    await expect(edit(state, { type: 'setVerdict', verdict: 'OK' })).rejects.toThrow(/CONFLICT/);
    expect(events).toEqual([]);
  });

  it('counts deleting a region the dataset came with as a correction, and confirming it as a review', async () => {
    const { ids, edit, call } = await projects.open();
    const [kept, removed] = await ids('NG');
    const confirmed = await edit(await call('labels:get', { sampleId: kept! }), {
      type: 'setVerdict',
      verdict: 'NG',
    });
    expect(confirmed.reviewState).toBe('ng');
    let state = await call('labels:get', { sampleId: removed! });
    expect(state.regions[0]!.origin).toBe('imported');
    state = await edit(state, { type: 'deleteRegion', regionId: state.regions[0]!.id });
    expect(state.reviewState).toBe('corrected');
  });

  it('says which image and region is missing', async () => {
    const { ids, edit, call } = await projects.open();
    const [id] = await ids('OK');
    const state = await call('labels:get', { sampleId: id! });
    await expect(edit(state, { type: 'deleteRegion', regionId: 999999 as never })).rejects.toThrow(
      /NOT_FOUND .*region 999999 is not on this image/,
    );
    await expect(call('labels:get', { sampleId: 424242 as never })).rejects.toThrow(
      /NOT_FOUND no sample 424242/,
    );
  });
});
