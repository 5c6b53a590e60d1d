import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../electron/contract/geometry';
import { encodeRle } from '../../../electron/core/geometry/rle';
import type { ProjectStore } from '../../../electron/core/store';
import { sampleInput, sha256, tempProjects, writeImage } from './helpers';

const temp = tempProjects();

const box: Shape = { kind: 'box', x: 10, y: 20, w: 30, h: 40 };
const polygon: Shape = {
  kind: 'polygon',
  points: [
    [1, 1],
    [9, 2],
    [5, 8],
  ],
};
const mask: Shape = {
  kind: 'mask',
  x: 4,
  y: 5,
  w: 3,
  h: 2,
  rle: encodeRle(Uint8Array.from([0, 1, 1, 1, 1, 0])),
};

/** What a reviewer does today through SQL, until the review API lands: take over the label. */
function reviewByHand(store: ProjectStore, sampleId: number): void {
  const revision = store.appendRevision({ sampleId, author: 'anna', action: 'label', payload: {} });
  store.db
    .prepare(
      `UPDATE labels SET origin = 'human', verdict = 'OK', review_state = 'corrected', revision = ? WHERE sample_id = ?`,
    )
    .run(revision, sampleId);
  store.db
    .prepare(`UPDATE regions SET deleted_revision = ? WHERE sample_id = ? AND deleted_revision IS NULL`)
    .run(revision, sampleId);
  store.db
    .prepare(
      `INSERT INTO regions (sample_id, kind, x, y, w, h, geometry, origin, created_revision)
       VALUES (?, 'box', 1, 2, 3, 4, '{"kind":"box","x":1,"y":2,"w":3,"h":4}', 'human', ?)`,
    )
    .run(sampleId, revision);
}

describe('importing images', () => {
  it('adds a new image with its ground truth, ready for review', () => {
    const { store, images } = temp.newProject();
    const input = writeImage(path.join(images, 'S1_0001.png'), 'pixels-1', {
      defectTypes: ['pitting'],
      regions: [
        { defectType: 'pitting', shape: box },
        { defectType: 'scratch', shape: polygon },
        { defectType: null, shape: mask },
      ],
    });
    const { id, status } = store.upsertImportedSample(input);
    expect(status).toBe('added');
    const detail = store.sampleDetail(id)!;
    expect(detail).toMatchObject({
      path: input.path,
      relPath: 'images/S1_0001.png',
      fileName: 'S1_0001.png',
      contentHash: input.contentHash,
      verdict: 'NG',
      reviewState: 'unreviewed',
      defectTypes: ['pitting', 'scratch'],
      regionCount: 3,
      error: null,
      domain: 'metal',
      category: 'ball-screw',
      split: 'train',
      bitDepth: 8,
      channels: 3,
    });
    expect(detail.regions.map((r) => [r.defectType, r.shape, r.origin])).toEqual([
      ['pitting', box, 'imported'],
      ['scratch', polygon, 'imported'],
      [null, mask, 'imported'],
    ]);
    expect(store.revisions(id).map((r) => [r.author, r.action])).toEqual([['import', 'import']]);
    expect(store.taxonomy().domains).toEqual([{ name: 'metal', categories: ['ball-screw'] }]);
  });

  it('skips an image that has not changed since the last import, writing nothing', () => {
    const { store, images } = temp.newProject();
    const input = writeImage(path.join(images, 'a.png'), 'same', {
      regions: [{ defectType: 'dent', shape: box }],
    });
    const first = store.upsertImportedSample(input);
    const before = store.db.prepare('SELECT total_changes()').pluck().get() as number;
    const again = store.upsertImportedSample(input);
    expect(again).toEqual({ id: first.id, status: 'unchanged' });
    expect(store.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
    expect(store.revisions(first.id)).toHaveLength(1);
  });

  it('refreshes an image whose file changed, replacing ground truth nobody has reviewed yet', () => {
    const { store, images } = temp.newProject();
    const file = path.join(images, 'a.png');
    const first = store.upsertImportedSample(
      writeImage(file, 'v1', { defectTypes: ['dent'], regions: [{ defectType: 'dent', shape: box }] }),
    );
    const second = store.upsertImportedSample(
      writeImage(file, 'v2-larger', {
        width: 800,
        verdict: 'OK',
        regions: [{ defectType: 'scratch', shape: polygon }],
      }),
    );
    expect(second).toEqual({ id: first.id, status: 'updated' });
    const detail = store.sampleDetail(first.id)!;
    expect(detail).toMatchObject({
      contentHash: sha256('v2-larger'),
      width: 800,
      verdict: 'OK',
      defectTypes: ['scratch'],
    });
    expect(detail.regions.map((r) => r.shape)).toEqual([polygon]);
    expect(store.revisions(first.id).map((r) => r.action)).toEqual(['import', 'reimport']);
    expect(store.sampleCount()).toBe(1);
  });

  it("never touches a reviewer's work when the file changes, but flags the image for a second look", () => {
    const { store, images } = temp.newProject();
    const file = path.join(images, 'a.png');
    const { id } = store.upsertImportedSample(
      writeImage(file, 'v1', { regions: [{ defectType: 'dent', shape: box }] }),
    );
    reviewByHand(store, id);
    const reviewed = store.sampleDetail(id)!;

    expect(
      store.upsertImportedSample(writeImage(file, 'v2', { regions: [{ defectType: 'x', shape: mask }] }))
        .status,
    ).toBe('updated');
    const after = store.sampleDetail(id)!;
    expect(after.contentHash).toBe(sha256('v2'));
    expect(after.verdict).toBe('OK');
    expect(after.reviewState).toBe('corrected');
    expect(after.regions).toEqual(reviewed.regions);
    expect(store.db.prepare('SELECT audit FROM labels WHERE sample_id = ?').pluck().get(id)).toBe(1);
    expect(store.revisions(id).map((r) => r.action)).toEqual(['import', 'label', 'file-changed']);
  });

  it('keeps a verdict a reviewer confirmed without editing it when the file is re-imported', () => {
    const { store, images } = temp.newProject();
    const file = path.join(images, 'a.png');
    const { id } = store.upsertImportedSample(
      writeImage(file, 'v1', { regions: [{ defectType: 'dent', shape: box }] }),
    );
    store.db.prepare(`UPDATE labels SET review_state = 'ng' WHERE sample_id = ?`).run(id);

    store.upsertImportedSample(writeImage(file, 'v2', { verdict: 'OK', regions: [] }));
    expect(store.sampleDetail(id)).toMatchObject({
      verdict: 'NG',
      reviewState: 'ng',
      regionCount: 1,
      defectTypes: ['dent'],
    });
    expect(store.db.prepare('SELECT audit FROM labels WHERE sample_id = ?').pluck().get(id)).toBe(1);
  });

  it("keeps a moved image's labels when it is re-imported from its new folder", () => {
    const { store, images } = temp.newProject();
    const oldPath = path.join(images, 'batch-1', 'part-7.png');
    const { id } = store.upsertImportedSample(
      writeImage(oldPath, 'part-7-bytes', { regions: [{ defectType: 'dent', shape: box }] }),
    );
    reviewByHand(store, id);

    const newPath = path.join(images, 'archive', 'part-7.png');
    fs.mkdirSync(path.dirname(newPath));
    fs.renameSync(oldPath, newPath);
    const result = store.upsertImportedSample(
      sampleInput(newPath, { content: 'part-7-bytes', verdict: null }),
    );

    expect(result).toEqual({ id, status: 'moved' });
    expect(store.sampleCount()).toBe(1);
    const detail = store.sampleDetail(id)!;
    expect(detail).toMatchObject({
      path: newPath,
      relPath: 'archive/part-7.png',
      verdict: 'OK',
      reviewState: 'corrected',
    });
    expect(detail.regions.map((r) => r.origin)).toEqual(['human']);
    expect(store.findSampleByPath(oldPath)).toBeUndefined();
    expect(store.revisions(id).at(-1)).toMatchObject({
      action: 'move',
      payload: { from: oldPath, to: newPath },
    });
  });

  it('adds a copy of an image as its own sample while the original is still there', () => {
    const { store, images } = temp.newProject();
    const original = store.upsertImportedSample(writeImage(path.join(images, 'a.png'), 'same-bytes'));
    const copy = store.upsertImportedSample(writeImage(path.join(images, 'copy', 'a.png'), 'same-bytes'));
    expect(copy.status).toBe('added');
    expect(copy.id).not.toBe(original.id);
    expect(store.findSamplesByHash(sha256('same-bytes')).map((s) => s.id)).toEqual([original.id, copy.id]);
  });

  it('shows an unreadable file in the grid as an error instead of dropping it', () => {
    const { store, images } = temp.newProject();
    const file = path.join(images, 'broken.png');
    const { id, status } = store.recordSampleError(
      { path: file, relPath: 'images/broken.png', source: 'bsdata', split: 'test' },
      'PNG header is truncated',
    );
    expect(status).toBe('added');
    const [summary] = store.samplePage([id]);
    expect(summary).toMatchObject({
      fileName: 'broken.png',
      reviewState: 'error',
      error: 'PNG header is truncated',
      split: 'test',
      verdict: null,
    });
    expect(store.sampleDetail(id)).toMatchObject({ contentHash: '', bitDepth: 8, channels: 1, regions: [] });

    const fixed = store.upsertImportedSample(writeImage(file, 'now-readable'));
    expect(fixed).toEqual({ id, status: 'updated' });
    expect(store.samplePage([id])[0]).toMatchObject({
      reviewState: 'unreviewed',
      error: null,
      verdict: 'NG',
    });
  });

  it('keeps every label of an image that became unreadable, and restores its state when fixed', () => {
    const { store, images } = temp.newProject();
    const file = path.join(images, 'a.png');
    const input = writeImage(file, 'good', { regions: [{ defectType: 'dent', shape: box }] });
    const { id } = store.upsertImportedSample(input);
    reviewByHand(store, id);

    expect(
      store.recordSampleError({ path: file, relPath: 'images/a.png', source: 'bsdata' }, 'disk read error')
        .status,
    ).toBe('updated');
    const broken = store.sampleDetail(id)!;
    expect(broken).toMatchObject({
      reviewState: 'error',
      error: 'disk read error',
      verdict: 'OK',
      contentHash: input.contentHash,
    });
    expect(broken.regions).toHaveLength(1);

    expect(store.upsertImportedSample(input).status).toBe('updated');
    expect(store.sampleDetail(id)).toMatchObject({
      reviewState: 'corrected',
      error: null,
      verdict: 'OK',
      regionCount: 1,
    });
  });

  it('rejects a malformed region with the file and region named, and writes nothing for that image', () => {
    const { store, images } = temp.newProject();
    const input = sampleInput(path.join(images, 'bad.png'), {
      regions: [
        { defectType: 'dent', shape: box },
        { defectType: 'dent', shape: { kind: 'polygon', points: [[0, 0]] } as unknown as Shape },
      ],
    });
    expect(() => store.upsertImportedSample(input)).toThrow(/bad\.png: region 2: invalid shape at points/);
    const badMask = sampleInput(path.join(images, 'mask.png'), {
      regions: [{ defectType: null, shape: { kind: 'mask', x: 0, y: 0, w: 2, h: 2, rle: [1, 2] } }],
    });
    expect(() => store.upsertImportedSample(badMask)).toThrow(/mask RLE covers 3 pixels, its 2×2 box has 4/);
    expect(store.sampleCount()).toBe(0);
    expect(store.taxonomy().defectTypes).toEqual([]);
    expect(() => store.upsertImportedSample({ ...input, contentHash: 'ABC', regions: [] })).toThrow(/sha256/);
  });

  it('stores a large brush mask exactly and compactly', () => {
    const { store, images } = temp.newProject();
    const w = 500;
    const h = 400;
    const pixels = new Uint8Array(w * h);
    for (let i = 0; i < pixels.length; i++)
      pixels[i] = (i * 7919) % 13 < 4 || (i > 90_000 && i < 150_000) ? 1 : 0;
    const big: Shape = { kind: 'mask', x: 100, y: 50, w, h, rle: encodeRle(pixels) };
    const { id } = store.upsertImportedSample(
      sampleInput(path.join(images, 'm.png'), { regions: [{ defectType: 'stain', shape: big }] }),
    );
    expect(store.sampleDetail(id)?.regions[0]?.shape).toEqual(big);
    const bytes = store.db
      .prepare('SELECT length(rle) FROM regions WHERE sample_id = ?')
      .pluck()
      .get(id) as number;
    expect(bytes).toBeLessThan(JSON.stringify(big.rle).length / 2);
  });
});
