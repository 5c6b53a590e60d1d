import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSampleId } from '../../../electron/contract';
import type { SampleDetail } from '../../../electron/contract/domain';
import { ProjectStore } from '../../../electron/core/store';
import { sampleDetailsWithTexts } from '../../../electron/core/store/export-batch-queries';
import { normaliseTexts } from '../../../electron/core/store/task-texts';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { importFolder } from '../exchange/helpers';

/** One image at a time, as exports read before batching: the truth the batch must equal. */
function oneByOne(store: ProjectStore, id: number): (SampleDetail & { texts: unknown }) | undefined {
  const detail = store.sampleDetail(id);
  if (!detail) return undefined;
  const row = store.db.prepare('SELECT texts FROM labels WHERE sample_id = ?').get(id) as
    { texts: string } | undefined;
  return {
    ...detail,
    texts: normaliseTexts(row ? (JSON.parse(row.texts) as Record<string, unknown>) : null),
  };
}

/**
 * Real BSData (polygons) and DeepPCB (boxes) fixtures, with edits that exercise every column an
 * export reads: a mask drawn, a region deleted, a region without type, texts, a verdict.
 */
describe('reading export samples in batches', () => {
  const { core, call } = testCore();
  const root = tempDir('export-batch');
  let ids: number[] = [];
  let store: ProjectStore;

  beforeAll(async () => {
    await call('project:create', { dir: join(root, 'project') });
    await importFolder(call, join(sharedData, 'bsdata'), 'bsdata', true);
    await importFolder(call, join(sharedData, 'deeppcb'), 'deeppcb', true);
    ids = (await call('samples:ids', {})).ids;
    const apply = async (id: number, command: unknown) => {
      const state = await call('labels:get', { sampleId: asSampleId(id) });
      await call('labels:apply', {
        sampleId: asSampleId(id),
        baseRevision: state.revision,
        author: 'reviewer-1',
        command: command as never,
      });
    };
    const [first, second, third] = ids as [number, number, number];
    await apply(first, {
      type: 'addRegion',
      defectType: 'stain',
      shape: { kind: 'mask', x: 5, y: 6, w: 4, h: 3, rle: [2, 5, 3, 2] },
    });
    await apply(first, {
      type: 'addRegion',
      defectType: null,
      shape: { kind: 'box', x: 1, y: 2, w: 3, h: 4 },
    });
    await apply(first, { type: 'setText', level: 4, text: 'a dull, round pit' });
    await apply(first, { type: 'setText', level: 5, text: 'corrosion; replace the spindle' });
    const regions = (await call('labels:get', { sampleId: asSampleId(second) })).regions;
    if (regions[0]) await apply(second, { type: 'deleteRegion', regionId: regions[0].id });
    await apply(third, { type: 'setVerdict', verdict: 'OK' });
    // The core is the way in for imports and edits; the store is opened alone to read from.
    await core.close();
    store = ProjectStore.open(join(root, 'project'));
  }, 60_000);

  afterAll(() => store.close());

  it('gives every image exactly what reading it alone gives, in the same key order', () => {
    const batch = sampleDetailsWithTexts(store.db, ids);
    expect(batch.size).toBe(ids.length);
    for (const id of ids) {
      const alone = oneByOne(store, id);
      const read = batch.get(id);
      expect(read).toEqual(alone);
      expect(JSON.stringify(read)).toBe(JSON.stringify(alone));
    }
    const edited = batch.get(ids[0] as number);
    expect(edited?.texts).toEqual({ '4': 'a dull, round pit', '5': 'corrosion; replace the spindle' });
    expect(edited?.regions.map((r) => r.shape.kind)).toEqual(expect.arrayContaining(['mask', 'box']));
  });

  it('passes over ids that do not exist and reads nothing for an empty list', () => {
    const batch = sampleDetailsWithTexts(store.db, [ids[1] as number, 987_654]);
    expect([...batch.keys()]).toEqual([ids[1]]);
    expect(sampleDetailsWithTexts(store.db, []).size).toBe(0);
  });
});
