import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asJobId } from '../../../electron/contract';
import { ProjectStore } from '../../../electron/core/store';
import { sharedData, tempDir } from '../../helpers/paths';
import { testCore } from '../../helpers/core';
import { box, predictionsFile, relPathOf, reviewProjects } from './helpers';

const projects = reviewProjects();

describe('predictions from a file', () => {
  it('imports good records, and names the file, record and field of each bad one', async () => {
    const { call, ids, events } = await projects.open();
    const [a, b, c] = await ids('NG');
    const pathA = await relPathOf(call, a!);
    const { fileName: nameB } = await call('samples:get', { id: b! });
    events.length = 0;
    const file = predictionsFile([
      { image: pathA, score: 0.9, regions: [{ defectType: 'pitting', score: 0.8, shape: box(1, 2, 3, 4) }] },
      { image: nameB, score: 0.2, texts: { '1': 'No anomaly.' } },
      {
        image: await relPathOf(call, c!),
        score: 0.7,
        regions: [
          {
            shape: {
              kind: 'polygon',
              points: [
                [1, 1],
                [2, 2],
              ],
            },
          },
        ],
      },
      { image: 'nowhere/missing.png', score: 0.5 },
      { image: pathA, scor: 0.5 },
      {
        image: await relPathOf(call, c!),
        score: 0.7,
        regions: [{ shape: { kind: 'mask', x: 0, y: 0, w: 2, h: 2, rle: [1, 1] } }],
      },
    ]);
    const report = await call('predictions:import', { file });
    expect(report).toMatchObject({ file, records: 6, imported: 2, unchanged: 0 });
    expect(report.problems.map((p) => p.file)).toEqual(Array(4).fill(file));
    expect(events.map((e) => e.name)).toEqual(['predictions:changed', 'samples:changed']);
    expect(events[0]!.payload).toEqual({ sampleIds: [a, b], packId: expect.stringMatching(/^pack:\d+$/) });
    expect(report.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/^predictions\[2\]\.regions\[0\]\.shape\.points: Too small/),
      'predictions[3].image: no image "nowhere/missing.png" in this project',
      expect.stringMatching(/^predictions\[4\]\.score: Invalid input: expected number, received undefined/),
      expect.stringMatching(/^predictions\[5\]: .*mask RLE covers 2 pixels, its 2×2 box has 4/),
    ]);

    const stateB = await call('labels:get', { sampleId: b! });
    expect(stateB.prediction).toMatchObject({
      score: 0.2,
      verdict: 'OK',
      regions: [],
      texts: { '1': 'No anomaly.' },
    });
    expect((await call('labels:get', { sampleId: c! })).prediction).toBeNull();

    const again = await call('predictions:import', { file });
    expect(again).toMatchObject({ imported: 0, unchanged: 2 });
  });

  it('refuses a file that is not a predictions file, naming the field', async () => {
    const { call } = await projects.open();
    const notJson = join(tempDir('bad'), 'p.json');
    writeFileSync(notJson, '{ nope');
    await expect(call('predictions:import', { file: notJson })).rejects.toThrow(
      /INVALID_INPUT .*p\.json: not JSON/,
    );
    const noModel = predictionsFile([], { version: '1' });
    await expect(call('predictions:import', { file: noModel })).rejects.toThrow(
      /predictions\.json: model\.name: /,
    );
    await expect(call('predictions:import', { file: '/no/such/file.json' })).rejects.toThrow(
      /NOT_FOUND .*ENOENT/,
    );
  });

  it('keeps one prediction per model version and image content, shared by copies of the image', async () => {
    const { core, call } = testCore();
    try {
      const images = tempDir('copies');
      const source = join(sharedData, 'bsdata', 'data');
      const jpg = readdirSync(source).find((name) => name.endsWith('.jpg'))!;
      for (const folder of ['line-1', 'line-2']) {
        mkdirSync(join(images, folder));
        copyFileSync(join(source, jpg), join(images, folder, jpg));
      }
      const dir = join(tempDir('project'), 'p');
      await call('project:create', { dir });
      const { jobId } = await call('import:start', { source: images, format: 'folder' });
      while (['queued', 'running'].includes((await call('jobs:get', { jobId: asJobId(jobId) })).state)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const { ids } = await call('samples:ids', {});
      expect(ids).toHaveLength(2);
      const [first, second] = await Promise.all(ids.map((id) => relPathOf(call, id)));
      const file = predictionsFile([
        {
          image: first,
          score: 0.6,
          regions: [{ defectType: 'pitting', score: 0.6, shape: box(1, 1, 4, 4) }],
        },
        { image: second, score: 0.1 },
      ]);
      expect(await call('predictions:import', { file })).toMatchObject({ imported: 1, unchanged: 1 });
      const [p1, p2] = await Promise.all(
        ids.map(async (id) => (await call('labels:get', { sampleId: id })).prediction),
      );
      expect(p2).toEqual(p1);
      expect(p1).toMatchObject({ score: 0.6 });

      // The engine's entry point: same pack version and content again returns the existing id.
      await call('project:close', {});
      const store = ProjectStore.open(dir);
      try {
        const input = {
          sampleId: ids[0]!,
          modelPack: { name: 'mau-gpt', version: '0.1', kind: 'mau-gpt' },
          contentHash: store.sampleDetail(ids[0]!)!.contentHash,
          score: 0.99,
          verdict: 'NG' as const,
          anomalyMapPath: '/cache/map.png',
          regions: [{ defectType: 'crack', score: 0.9, shape: box(2, 2, 3, 3) }],
          texts: { 1: 'Yes.', 5: 'Replace the part.' },
        };
        const id = store.insertPrediction(input);
        expect(store.insertPrediction({ ...input, score: 0.1 })).toBe(id);
        expect(store.latestPrediction(ids[1]!)).toMatchObject({
          id,
          score: 0.99,
          modelPack: { name: 'mau-gpt', version: '0.1', kind: 'mau-gpt' },
          threshold: null, // a pack known only by its predictions states none
          anomalyMapPath: '/cache/map.png',
          regions: [{ defectType: 'crack', score: 0.9, shape: box(2, 2, 3, 3) }],
          texts: { '1': 'Yes.', '5': 'Replace the part.' },
        });
        expect(() => store.db.prepare('UPDATE predictions SET score = 0 WHERE id = ?').run(id)).toThrow(
          /immutable/,
        );
        expect(() => store.insertPrediction({ ...input, sampleId: 999 })).toThrow(/NOT_FOUND|no such sample/);
      } finally {
        store.close();
      }
    } finally {
      await core.close();
    }
  });
});
