import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MMAD_FILE, readMmadFile, toMmad, type MmadEntry } from '../../../electron/core/exchange/mmad';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { exportTo, importFolder } from './helpers';
import { readMauSet, type MauSetExport } from './mauset-helpers';

describe('MMAD question files', () => {
  const { core, call } = testCore();
  const root = tempDir('mmad');
  let entries: MmadEntry[];
  let mauset: MauSetExport;

  beforeAll(async () => {
    await call('project:create', { dir: join(root, 'project') });
    await importFolder(call, join(sharedData, 'neu-det'), 'voc', true);
    await exportTo(call, { format: 'mmad', outDir: join(root, 'mmad') });
    await exportTo(call, { format: 'mauset', outDir: join(root, 'mauset') });
    entries = await readMmadFile(join(root, 'mmad', MMAD_FILE));
    mauset = readMauSet(join(root, 'mauset'));
  }, 60_000);
  afterAll(() => core.close());

  it('asks the same multiple-choice questions as the MAU-Set export, one per level, MMAD types', () => {
    expect(entries).toHaveLength(42);
    const byImage = new Map(mauset.records.map((r) => [r.image, r]));
    for (const entry of entries) {
      const record = byImage.get(entry.image)!;
      expect(record, entry.image).toBeDefined();
      expect(entry.conversation).toEqual(record.qa.filter((qa) => qa.form === 'closed').map(toMmad));
      expect(entry.conversation.map((q) => q.type)).toEqual([
        'Anomaly Detection',
        'Defect Classification',
        'Defect Localization',
        'Defect Description',
        'Defect Analysis',
      ]);
    }
  });

  it('reads back what it wrote (round trip through the file)', async () => {
    const copy = join(root, 'copy.json');
    writeFileSync(copy, JSON.stringify(entries, null, 1));
    expect(await readMmadFile(copy)).toEqual(entries);
  });

  it('names the file, the entry and the field when a question file is wrong', async () => {
    const bad = join(root, 'bad.json');
    const broken = structuredClone(entries.slice(0, 3));
    broken[2]!.conversation[1]!.Answer = 'E';
    writeFileSync(bad, JSON.stringify(broken));
    await expect(readMmadFile(bad)).rejects.toThrow(
      `${bad}: entry 2, conversation.1: Answer is not one of the Options`,
    );
    writeFileSync(bad, '[{"image": 3}');
    await expect(readMmadFile(bad)).rejects.toThrow(`${bad}: not JSON`);
    writeFileSync(bad, '[{"image": "a.png", "conversation": []}]');
    await expect(readMmadFile(bad)).rejects.toThrow(`${bad}: entry 0, conversation:`);
    await expect(readMmadFile(join(root, 'missing.json'))).rejects.toThrow(/missing\.json: cannot read/);
  });
});
