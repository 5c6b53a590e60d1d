import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSampleId } from '../../../electron/contract';
import type { ExportReport } from '../../../electron/contract/api-exchange';
import { displayName } from '../../../electron/core/mauset-qa';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { exportTo, importFolder } from './helpers';
import { containsWords, readMauSet, type MauSetExport } from './mauset-helpers';

/**
 * The real BSData, DeepPCB and NEU-DET fixtures imported into one project, a few images reviewed,
 * exported as MAU-Set: every file validates, masks are exact, questions are fair, splits leak-free.
 */
describe('MAU-Set export of the three fixtures', () => {
  const { core, call } = testCore();
  const root = tempDir('mauset');
  let report: ExportReport;
  let out: MauSetExport;
  /** What each reviewed image's lineage must say, by file name; every other image is "imported". */
  const expected = new Map<string, { correction: string; audit: boolean; score: number | null }>();
  const fileOf = async (id: number) => (await call('samples:get', { id: asSampleId(id) })).fileName;

  /**
   * A model's predictions for two DeepPCB images: on a defective board a predicted region is
   * confirmed, on a template the model's NG is overturned.
   */
  async function reviewPredictions(apply: (id: number, command: unknown) => Promise<unknown>) {
    const ng = (await call('samples:ids', { filter: { sources: ['deeppcb'], verdicts: ['NG'] } })).ids[0]!;
    const ok = (await call('samples:ids', { filter: { sources: ['deeppcb'], verdicts: ['OK'] } })).ids[0]!;
    const box = { kind: 'box', x: 10, y: 10, w: 20, h: 20 };
    const file = join(root, 'predictions.json');
    const predictions = [
      {
        image: await fileOf(ng),
        score: 0.9,
        verdict: 'NG',
        regions: [{ defectType: 'open', score: 0.8, shape: box }],
      },
      { image: await fileOf(ok), score: 0.7, verdict: 'NG', regions: [] },
    ];
    const model = { name: 'pcb-detector', version: '2.1', kind: 'yolo' };
    writeFileSync(file, JSON.stringify({ format: 'mau-studio-predictions', version: 1, model, predictions }));
    await call('predictions:import', { file });
    const predicted = (await call('labels:get', { sampleId: asSampleId(ng) })).prediction!.regions[0]!;
    await apply(ng, { type: 'reviewPrediction', predictionRegionId: predicted.id, outcome: 'confirmed' });
    await apply(ng, { type: 'setVerdict', verdict: 'NG' });
    await apply(ok, { type: 'setVerdict', verdict: 'OK' });
    expected.set(await fileOf(ng), { correction: 'confirmed', audit: false, score: 0.9 });
    expected.set(await fileOf(ok), { correction: 'corrected', audit: false, score: 0.7 });
  }

  beforeAll(async () => {
    await call('project:create', { dir: join(root, 'project') });
    await importFolder(call, join(sharedData, 'bsdata'), 'bsdata', true);
    await importFolder(call, join(sharedData, 'deeppcb'), 'deeppcb', true);
    await importFolder(call, join(sharedData, 'neu-det'), 'voc', true);
    const { ids } = await call('samples:ids', { filter: { sources: ['neu-det'] } });
    const [confirm, add, remove] = ids.map(Number) as [number, number, number];
    const apply = async (id: number, command: unknown, audit = false) => {
      const state = await call('labels:get', { sampleId: asSampleId(id) });
      return call('labels:apply', {
        sampleId: asSampleId(id),
        baseRevision: state.revision,
        author: 'reviewer-1',
        command: command as never,
        audit,
      });
    };
    // Confirmed as imported (a blind audit), a missed defect added, an imported region deleted.
    await apply(confirm, { type: 'setVerdict', verdict: 'NG' }, true);
    await apply(add, {
      type: 'addRegion',
      defectType: 'scratches',
      shape: { kind: 'box', x: 1, y: 1, w: 20, h: 6 },
      missed: true,
    });
    await apply(add, { type: 'setVerdict', verdict: 'NG' });
    const victim = (await call('labels:get', { sampleId: asSampleId(remove) })).regions[0]!;
    await apply(remove, { type: 'deleteRegion', regionId: victim.id });
    await apply(remove, { type: 'setVerdict', verdict: 'NG' });
    for (const [id, correction] of [
      [confirm, 'confirmed'],
      [add, 'added'],
      [remove, 'corrected'],
    ] as const)
      expected.set(await fileOf(id), { correction, audit: id === confirm, score: null });
    await reviewPredictions(apply);
    report = await exportTo(call, { format: 'mauset', outDir: join(root, 'out') });
    out = readMauSet(join(root, 'out'));
  }, 120_000);
  afterAll(() => core.close());

  it('writes one valid record per image and a manifest that counts them', () => {
    expect(report.exported).toBe(40 + 40 + 42);
    expect(report.skipped).toBe(0);
    expect(out.records).toHaveLength(report.exported);
    expect(out.manifest.counts.samples).toBe(report.exported);
    expect(out.manifest.counts.regions).toBe(report.regions);
    expect(out.manifest.format).toBe('mau-set');
    expect(out.manifest.version).toBe('1.0');
    expect(new Set(out.records.map((r) => r.id)).size).toBe(out.records.length);
    const splits = out.manifest.counts.splits;
    expect((splits.train ?? 0) + (splits.val ?? 0) + (splits.test ?? 0)).toBe(report.exported);
    expect(out.chats).toHaveLength((splits.train ?? 0) + (splits.val ?? 0));
    expect(existsSync(join(root, 'out', 'DATASET_CARD.md'))).toBe(true);
  });

  it('names each source with its licence', () => {
    const licences = Object.fromEntries(out.manifest.sources.map((s) => [s.name, s.licence]));
    expect(licences.bsdata).toMatch(/CC BY-SA 4\.0/);
    expect(licences.deeppcb).toMatch(/research only/);
    expect(licences['neu-det']).toMatch(/research only/);
    expect(out.manifest.sources.map((s) => s.images)).toEqual([40, 40, 42]);
  });

  it('writes exact full-size 0/255 masks: their pixel count is area_px', async () => {
    let checked = 0;
    for (const record of out.records) {
      for (const region of record.regions) {
        expect(region.mask, `${record.id} ${region.id}`).not.toBeNull();
        const file = join(root, 'out', region.mask!);
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height, meta.channels]).toEqual([record.width, record.height, 1]);
        const data = await sharp(file).extractChannel(0).raw().toBuffer();
        let [on, other] = [0, 0];
        for (const value of data) {
          if (value === 255) on++;
          else if (value !== 0) other++;
        }
        expect([on, other], `${region.mask}`).toEqual([region.area_px, 0]);
        if (++checked >= 60) return; // enough of every dataset's kinds, in seconds
      }
    }
  });

  it('gives every closed question 2-5 distinct options, exactly one of them the answer', () => {
    for (const record of out.records) {
      const levels = new Set(record.qa.map((q) => q.level));
      expect(levels, record.id).toEqual(new Set([1, 2, 3, 4, 5]));
      for (const qa of record.qa.filter((q) => q.form === 'closed')) {
        const texts = Object.values(qa.options!);
        expect(new Set(texts.map((t) => t.toLowerCase())).size, `${record.id} L${qa.level}`).toBe(
          texts.length,
        );
        expect(qa.options![qa.answer as 'A']).toBeDefined();
      }
    }
  });

  it('never puts the answer into the question', () => {
    for (const record of out.records) {
      const types = record.regions.map((r) => r.type).filter((t): t is string => t !== null);
      for (const qa of record.qa) {
        if (qa.form === 'closed') {
          const answer = qa.options![qa.answer as 'A']!;
          expect(containsWords(qa.question, answer), `${qa.question} / ${answer}`).toBe(false);
        }
        for (const type of types)
          expect(containsWords(qa.question, displayName(type)), `${qa.question} / ${type}`).toBe(false);
        for (const region of record.regions)
          expect(containsWords(qa.question, region.position), qa.question).toBe(false);
      }
    }
  });

  it('answers OK images as "no defect" at every level', () => {
    const ok = out.records.filter((r) => r.verdict === 'OK');
    expect(ok.length).toBeGreaterThan(30);
    for (const record of ok) {
      for (const qa of record.qa.filter((q) => q.level > 1 && q.form === 'closed'))
        expect(qa.options![qa.answer as 'A']).toMatch(/no (visible )?defect/);
    }
    expect(out.manifest.ok_images).toMatch(/no defect/);
  });

  it('keeps a part, an image and its template, in one split', () => {
    const splitOfGroup = new Map<string, Set<string>>();
    for (const record of out.records) {
      const splits = splitOfGroup.get(record.group) ?? new Set();
      splits.add(record.split);
      splitOfGroup.set(record.group, splits);
    }
    for (const [group, splits] of splitOfGroup) expect(splits.size, group).toBe(1);
    const pcbPairs = [...splitOfGroup.keys()].filter(
      (group) =>
        group.startsWith('part:deeppcb/') && out.records.filter((r) => r.group === group).length === 2,
    );
    expect(pcbPairs.length).toBeGreaterThan(5);
  });

  it('records how each truth came to be', () => {
    for (const record of out.records) {
      const file = record.image.split('/').pop()!;
      const want = expected.get(file) ?? { correction: 'imported', audit: false, score: null };
      expect(record.lineage.correction, record.id).toBe(want.correction);
      expect(record.lineage.reviewer, record.id).toBe(want.correction === 'imported' ? null : 'reviewer-1');
      expect(record.lineage.audit, record.id).toBe(want.audit);
      if (want.score === null) continue;
      expect(record.lineage.prediction).toEqual({ model: 'pcb-detector', version: '2.1', score: want.score });
      expect(record.lineage.reviewed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(out.manifest.counts.corrections).toEqual({ imported: 117, confirmed: 2, added: 1, corrected: 2 });
  });

  it('writes the same records again for the same labels, and only reviewed images when asked', async () => {
    const filter = { sources: ['neu-det'] };
    await exportTo(call, { format: 'mauset', outDir: join(root, 'again'), filter });
    const again = readMauSet(join(root, 'again')).records;
    const neu = out.records.filter((r) => r.source === 'neu-det');
    expect(again.map((r) => r.id).sort()).toEqual(neu.map((r) => r.id).sort());
    for (const record of again) expect(record).toEqual(neu.find((r) => r.id === record.id));
    const only = await exportTo(call, {
      format: 'mauset',
      outDir: join(root, 'reviewed'),
      reviewedOnly: true,
    });
    expect(only.exported).toBe(5);
    expect(readMauSet(join(root, 'reviewed')).manifest.options.reviewed_only).toBe(true);
  });
});
