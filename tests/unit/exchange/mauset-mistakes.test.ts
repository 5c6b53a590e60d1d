import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSampleId } from '../../../electron/contract';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { exportTo, importFolder } from './helpers';
import { readMauSet, type MauSetExport } from './mauset-helpers';

/**
 * A model's wrong answers become the closed questions' distractors: on the NEU-DET fixture, a
 * model predicted "patches" in the lower right of every image whose truth is another type.
 */
describe('MAU-Set distractors from the model’s own mistakes', () => {
  const { core, call } = testCore();
  const root = tempDir('mauset-mistakes');
  let out: MauSetExport;
  const wrongFiles = new Set<string>();

  beforeAll(async () => {
    await call('project:create', { dir: join(root, 'project') });
    await importFolder(call, join(sharedData, 'neu-det'), 'voc', true);
    const { ids } = await call('samples:ids', { filter: { verdicts: ['NG'] } });
    const predictions = [];
    for (const id of ids) {
      const sample = await call('samples:get', { id });
      const types = (await call('labels:get', { sampleId: asSampleId(Number(id)) })).regions.map(
        (r) => r.defectType,
      );
      if (types.includes('patches')) continue;
      wrongFiles.add(sample.fileName);
      const box = { kind: 'box', x: sample.width * 0.8, y: sample.height * 0.8, w: 8, h: 8 };
      predictions.push({
        image: sample.fileName,
        score: 0.9,
        verdict: 'NG',
        regions: [{ defectType: 'patches', score: 0.8, shape: box }],
      });
    }
    const file = join(root, 'predictions.json');
    const model = { name: 'steel-detector', version: '1.0', kind: 'yolo' };
    writeFileSync(file, JSON.stringify({ format: 'mau-studio-predictions', version: 1, model, predictions }));
    await call('predictions:import', { file });
    await exportTo(call, { format: 'mauset', outDir: join(root, 'out') });
    out = readMauSet(join(root, 'out'));
  }, 120_000);
  afterAll(() => core.close());

  it('offers the wrongly predicted type and place among the options', () => {
    const wrong = out.records.filter((r) => wrongFiles.has(r.image.split('/').pop()!));
    expect(wrong.length).toBeGreaterThan(3);
    for (const record of wrong) {
      const closed = (level: number) => record.qa.find((q) => q.level === level && q.form === 'closed')!;
      expect(Object.values(closed(2).options!), record.id).toContain('patches');
      const occupied = new Set(record.regions.map((r) => r.position));
      if (!occupied.has('lower right'))
        expect(Object.values(closed(3).options!), record.id).toContain('lower right');
    }
  });
});
