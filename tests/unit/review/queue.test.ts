import { describe, expect, it } from 'vitest';
import type { SampleId } from '../../../electron/contract';
import { orderQueue } from '../../../electron/core/review/queue-order';
import type { QueueFact } from '../../../electron/core/store/review-queue';
import { box, predictionsFile, relPathOf, reviewProjects, type Call } from './helpers';

const projects = reviewProjects();

const region = { defectType: 'pitting', score: 0.5, shape: box(1, 1, 5, 5) };

async function predict(call: Call, entries: [SampleId, number, boolean][]) {
  const records = await Promise.all(
    entries.map(async ([id, score, withRegion]) => ({
      image: await relPathOf(call, id),
      score,
      regions: withRegion ? [region] : [],
    })),
  );
  return call('predictions:import', { file: predictionsFile(records) });
}

describe('the review queue', () => {
  it('puts what needs a person most first: unreviewed, near the threshold, then disagreeing', async () => {
    const { call, edit } = await projects.open();
    const { ids: all } = await call('samples:ids', {});
    const [near, lowWithRegion, highNoRegion, agreeing, clearOk, clearNg, reviewed, ...rest] = all;
    await predict(call, [
      [near!, 0.52, true], // margin 0.02
      [lowWithRegion!, 0.43, true], // margin 0.07, regions under an OK score
      [highNoRegion!, 0.58, false], // margin 0.08, NG score with nothing to show
      [agreeing!, 0.42, false], // margin 0.08, consistent
      [clearOk!, 0.1, false], // margin 0.4
      [clearNg!, 0.97, true], // margin 0.47
      [reviewed!, 0.5, true],
    ]);
    const state = await call('labels:get', { sampleId: reviewed! });
    await edit(state, { type: 'setVerdict', verdict: 'NG' });

    const queue = await call('review:queue', { auditShare: 0 });
    expect(queue.audits).toEqual([]);
    expect(queue.ids).toHaveLength(all.length);
    expect(queue.ids.slice(0, 6)).toEqual([near, lowWithRegion, highNoRegion, agreeing, clearOk, clearNg]);
    // Images without a prediction keep the grid's order; reviewed ones come last.
    expect(queue.ids.slice(6, -1)).toEqual(rest);
    expect(queue.ids.at(-1)).toBe(reviewed);

    const ngOnly = await call('review:queue', { filter: { verdicts: ['NG'] }, auditShare: 0 });
    const { ids: ng } = await call('samples:ids', { filter: { verdicts: ['NG'] } });
    expect([...ngOnly.ids].sort()).toEqual([...ng].sort());
  });

  it('mixes in blind audits of images the model passed, the same for the same seed, and counts what they found', async () => {
    const { call, edit } = await projects.open();
    const { ids: all } = await call('samples:ids', {});
    const passed = all.slice(0, 30);
    await predict(call, [
      ...passed.map((id, i): [SampleId, number, boolean] => [id, 0.01 * i, false]),
      ...all.slice(30).map((id): [SampleId, number, boolean] => [id, 0.9, true]),
    ]);

    const queue = await call('review:queue', { auditShare: 0.2, seed: 7 });
    expect(queue.audits).toHaveLength(6);
    expect(queue.audits.every((id) => passed.includes(id))).toBe(true);
    expect(await call('review:queue', { auditShare: 0.2, seed: 7 })).toEqual(queue);
    const other = await call('review:queue', { auditShare: 0.2, seed: 8 });
    expect(other.audits).not.toEqual(queue.audits);
    expect([...queue.ids].sort()).toEqual([...all].sort());
    expect(await call('review:queue', { auditShare: 0.2 })).toEqual(
      await call('review:queue', { auditShare: 0.2 }),
    );

    // Review two audits: the model missed a defect on one.
    const [escape, fine] = queue.audits;
    let state = await call('labels:get', { sampleId: escape! });
    state = await edit(
      state,
      { type: 'addRegion', defectType: 'pitting', shape: box(5, 5, 10, 10), missed: true },
      { audit: true },
    );
    expect(state).toMatchObject({ audit: true, verdict: 'NG', reviewState: 'corrected' });
    state = await call('labels:get', { sampleId: fine! });
    await edit(state, { type: 'setVerdict', verdict: 'OK' }, { audit: true });
    const nonAudit = all.find((id) => !queue.audits.includes(id))!;
    await edit(await call('labels:get', { sampleId: nonAudit }), { type: 'setVerdict', verdict: 'NG' });

    expect(await call('review:stats', {})).toEqual({
      total: 40,
      reviewed: 3,
      left: 37,
      errors: 0,
      auditsReviewed: 2,
      auditsFoundNg: 1,
    });
    const after = await call('review:queue', { auditShare: 0.2, seed: 7 });
    expect(after.audits).not.toContain(escape);
    expect(after.ids.slice(-3).sort()).toEqual([escape, fine, nonAudit].sort());
  });
});

describe('queue order (pure)', () => {
  const fact = (
    id: number,
    score: number | null,
    regionCount = 0,
    reviewState: QueueFact['reviewState'] = 'unreviewed',
  ) =>
    ({
      id,
      reviewState,
      hasPrediction: score !== null,
      score,
      verdict: null,
      regionCount,
    }) satisfies QueueFact;

  it('draws round(share × passed) audits, only from unreviewed images the model passed', () => {
    const facts = [
      ...Array.from({ length: 50 }, (_, i) => fact(i + 1, 0.2)),
      ...Array.from({ length: 10 }, (_, i) => fact(100 + i, 0.9, 1)),
      fact(200, 0.1, 0, 'ok'),
      fact(201, null),
      fact(202, 0.1, 0, 'error'),
    ];
    const { ids, audits } = orderQueue(facts, { threshold: 0.5, auditShare: 0.1, seed: 1 });
    expect(audits).toHaveLength(5);
    expect(audits.every((id) => id <= 50)).toBe(true);
    expect([...ids].sort((a, b) => a - b)).toEqual(facts.map((f) => f.id).sort((a, b) => a - b));
    expect(ids.slice(-2)).toEqual([200, 202]);
    const positions = audits.map((id) => ids.indexOf(id));
    expect(Math.max(...positions)).toBeLessThan(61);
  });
});
