import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../electron/core/store';
import { sampleInput, tempProjects } from './helpers';

const temp = tempProjects();
const here = path.dirname(fileURLToPath(import.meta.url));

describe('all or nothing', () => {
  it('leaves nothing half-written when an import batch fails partway', () => {
    const { store, images } = temp.newProject();
    store.upsertImportedSample(sampleInput(path.join(images, 'kept.png')));
    const before = { count: store.sampleCount(), types: store.taxonomy().defectTypes.length };
    expect(() =>
      store.transaction(() => {
        for (let i = 0; i < 50; i++) {
          store.upsertImportedSample(
            sampleInput(path.join(images, `b${i}.png`), {
              defectTypes: [`type-${i}`],
              regions: [{ defectType: 'scratch', shape: { kind: 'box', x: 0, y: 0, w: 1, h: 1 } }],
            }),
          );
        }
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(store.sampleCount()).toBe(before.count);
    expect(store.taxonomy().defectTypes).toHaveLength(before.types);
    expect(store.db.prepare('SELECT COUNT(*) FROM revisions').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) FROM regions').pluck().get()).toBe(0);
  });

  it('keeps the images of a batch that succeeded when one image in it is rejected and skipped', () => {
    const { store, images } = temp.newProject();
    const outcome = store.transaction(() =>
      ['a', 'bad', 'c'].map((name) => {
        try {
          return store.upsertImportedSample(
            sampleInput(path.join(images, `${name}.png`), {
              regions: [
                { defectType: 'dent', shape: { kind: 'box', x: 0, y: 0, w: name === 'bad' ? -1 : 1, h: 1 } },
              ],
            }),
          ).status;
        } catch {
          return 'rejected';
        }
      }),
    );
    expect(outcome).toEqual(['added', 'rejected', 'added']);
    expect(store.sampleIds({}, 'path').length).toBe(2);
    expect(store.db.prepare('SELECT COUNT(*) FROM regions').pluck().get()).toBe(2);
  });

  it('keeps every committed image and none of the unfinished batch when the app is killed mid-import', () => {
    const { store, images } = temp.newProject();
    store.close();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(here, 'fixtures', 'crash-mid-import.ts'), store.dir, images],
      { encoding: 'utf8', timeout: 50_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.stdout).toContain('mid-transaction');
    expect(child.signal).toBe('SIGKILL');
    expect(fs.statSync(path.join(store.dir, 'project.sqlite-wal')).size).toBeGreaterThan(0);

    const reopened = temp.track(ProjectStore.open(store.dir));
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.samplePage(reopened.sampleIds({}, 'path')).map((s) => s.fileName)).toEqual([
      'committed.png',
    ]);
    expect(reopened.taxonomy().defectTypes.map((t) => t.name)).toEqual(['dent']);
    expect(reopened.db.prepare('SELECT COUNT(*) FROM revisions').pluck().get()).toBe(1);
  });
});
