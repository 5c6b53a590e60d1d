import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { testCore } from '../../helpers/core';
import { sharedData, tempDir } from '../../helpers/paths';
import { exportTo, importFolder } from './helpers';
import { readMauSet } from './mauset-helpers';

const NEU = join(sharedData, 'neu-det', 'IMAGES');

/** A plain folder has no labels, and an export is made of labels: a reviewer calls each image NG. */
async function callEveryImageNg(call: ReturnType<typeof testCore>['call']): Promise<void> {
  for (const sampleId of (await call('samples:ids', {})).ids) {
    const state = await call('labels:get', { sampleId });
    const command = { type: 'setVerdict', verdict: 'NG' } as const;
    await call('labels:apply', { sampleId, baseRevision: state.revision, author: 'reviewer-1', command });
  }
}
const DISTINCT = [
  'crazing_1',
  'inclusion_1',
  'patches_1',
  'pitted_surface_1',
  'rolled-in_scale_1',
  'scratches_1',
];

/**
 * Real NEU-DET images imported as a plain folder, with one of them also saved again as a
 * slightly smaller PNG under another name (other bytes, same picture): the export must put the
 * two in one group, say so in its manifest, and do the same for a project imported before
 * visual hashes were stored.
 */
describe('MAU-Set export: near-duplicates share a split', () => {
  const { call } = testCore();
  const root = tempDir('near-dup');
  const images = join(root, 'images');
  const project = join(root, 'project');

  beforeAll(async () => {
    mkdirSync(images, { recursive: true });
    for (const name of DISTINCT) copyFileSync(join(NEU, `${name}.jpg`), join(images, `${name}.jpg`));
    await sharp(join(NEU, 'crazing_1.jpg'))
      .resize(180, 180)
      .png()
      .toFile(join(images, 'crazing_1-resaved.png'));
    await call('project:create', { dir: project });
    await importFolder(call, images, 'auto');
    await callEveryImageNg(call);
  });

  const groupsOf = (dir: string) => {
    const { manifest, records } = readMauSet(dir);
    const group = (file: string) => records.find((r) => r.image.endsWith(file))!;
    return { manifest, records, group };
  };

  it('groups the re-saved copy with its original and reports the pair', async () => {
    await exportTo(call, { format: 'mauset', outDir: join(root, 'out') });
    const { manifest, records, group } = groupsOf(join(root, 'out'));
    expect(records).toHaveLength(DISTINCT.length + 1);
    const [original, copy] = [group('crazing_1.jpg'), group('crazing_1-resaved.png')];
    expect(copy.group).toBe(original.group);
    expect(copy.split).toBe(original.split);
    // the other images are different pictures: each is a group of its own
    expect(new Set(records.map((r) => r.group)).size).toBe(DISTINCT.length);
    expect(manifest.split_policy.near_duplicates).toMatchObject({ pairs: 1, together: 1, kept_apart: 0 });
    expect(manifest.split_policy.method).toMatch(/near-duplicates/);
  });

  it('hashes the thumbnails of images imported before visual hashes were stored', async () => {
    const db = new Database(join(project, 'project.sqlite'));
    const stored = db.prepare('SELECT count(*) AS n FROM visual_hashes').get() as { n: number };
    expect(stored.n).toBe(DISTINCT.length + 1);
    db.prepare('DELETE FROM visual_hashes').run();
    db.close();
    await exportTo(call, { format: 'mauset', outDir: join(root, 'again') });
    const { group } = groupsOf(join(root, 'again'));
    expect(group('crazing_1-resaved.png').group).toBe(group('crazing_1.jpg').group);
    const again = new Database(join(project, 'project.sqlite'), { readonly: true });
    expect((again.prepare('SELECT count(*) AS n FROM visual_hashes').get() as { n: number }).n).toBe(
      DISTINCT.length + 1,
    );
    again.close();
  });
});

/** Five copies of one picture among a few other images: more look-alikes than a group may hold. */
describe('MAU-Set export: look-alikes beyond the group cap', () => {
  const { call } = testCore();
  const root = tempDir('near-dup-cap');
  const images = join(root, 'images');

  it('keeps groups within the cap, counts the pairs kept apart and names the split leaks', async () => {
    mkdirSync(images, { recursive: true });
    for (const name of DISTINCT) copyFileSync(join(NEU, `${name}.jpg`), join(images, `${name}.jpg`));
    for (const [i, size] of [190, 180, 170, 160].entries())
      await sharp(join(NEU, 'crazing_1.jpg'))
        .resize(size, size)
        .png()
        .toFile(join(images, `copy-${i}.png`));
    await call('project:create', { dir: join(root, 'project') });
    await importFolder(call, images, 'auto');
    await callEveryImageNg(call);
    const report = await exportTo(call, { format: 'mauset', outDir: join(root, 'out') });
    const { manifest, records } = readMauSet(join(root, 'out'));
    const stats = manifest.split_policy.near_duplicates!;
    expect(stats.max_group).toBe(2);
    const sizes = new Map<string, number>();
    for (const r of records) sizes.set(r.group, (sizes.get(r.group) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(2);
    expect(stats.pairs).toBeGreaterThanOrEqual(6);
    expect(stats.kept_apart).toBeGreaterThan(0);
    expect(stats.together + stats.kept_apart).toBe(stats.pairs);
    const leakNote = report.notRepresentable.find((n) =>
      /near-duplicate images are in different splits/.test(n.reason),
    );
    expect(Boolean(leakNote)).toBe(stats.across_splits > 0);
    expect(readFileSync(join(root, 'out', 'DATASET_CARD.md'), 'utf8')).toContain(
      `${stats.kept_apart} pairs were kept`,
    );
  });
});
