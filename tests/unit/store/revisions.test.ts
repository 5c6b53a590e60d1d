import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleInput, tempProjects } from './helpers';

const temp = tempProjects();

describe('revision history', () => {
  it('records who changed what, in order, with the prediction it came from', () => {
    const { store, images } = temp.newProject();
    const { id } = store.upsertImportedSample(sampleInput(path.join(images, 'a.png')));
    const first = store.appendRevision({
      sampleId: id,
      author: 'anna',
      action: 'verdict',
      payload: { verdict: 'OK' },
    });
    const second = store.appendRevision({
      sampleId: id,
      author: 'ben',
      action: 'region:add',
      payload: { kind: 'box' },
    });
    expect(second).toBeGreaterThan(first);
    const history = store.revisions(id);
    expect(history.map((r) => [r.author, r.action, r.payload, r.predictionId])).toEqual([
      ['import', 'import', expect.objectContaining({ source: 'bsdata' }), null],
      ['anna', 'verdict', { verdict: 'OK' }, null],
      ['ben', 'region:add', { kind: 'box' }, null],
    ]);
    expect(Date.parse(history[1]!.at)).not.toBeNaN();
  });

  it('cannot be rewritten or erased, not even with SQL', () => {
    const { store, images } = temp.newProject();
    const { id } = store.upsertImportedSample(sampleInput(path.join(images, 'a.png')));
    const revision = store.appendRevision({ sampleId: id, author: 'anna', action: 'verdict', payload: {} });
    expect(() =>
      store.db.prepare(`UPDATE revisions SET author = 'mallory' WHERE id = ?`).run(revision),
    ).toThrow(/append-only: a revision cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM revisions WHERE id = ?').run(revision)).toThrow(
      /append-only: a revision cannot be deleted/,
    );
    expect(() => store.db.prepare('DELETE FROM samples WHERE id = ?').run(id)).toThrow();
    expect(store.revisions(id).map((r) => r.author)).toEqual(['import', 'anna']);
  });

  it('refuses history for an image that does not exist', () => {
    const { store } = temp.newProject();
    expect(() =>
      store.appendRevision({ sampleId: 77, author: 'anna', action: 'verdict', payload: {} }),
    ).toThrow(/sample 77 does not exist/);
  });
});
